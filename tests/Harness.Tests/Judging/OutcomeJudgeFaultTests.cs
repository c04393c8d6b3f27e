using Harness.Judging;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Judging;

/// <summary>The outcomes of a guest, a stream or a QEMU gone wrong: each an ERROR with its reason, a FAIL already seen kept.</summary>
public class OutcomeJudgeFaultTests
{
    static readonly string[] Requested = [ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin, ScenarioNames.MigrationStorm];
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    static readonly GuestConsole GuestRan = new(KernelSpoke: true, GuestStarted: true, GuestExitStatus: 0);

    static VmRun Run(VmEnd end, string qemuErrors = "") => new(end, [], [], 0, qemuErrors, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

    static string Fail(int number, string scenario) => KtapLines.Result(number, scenario, ScenarioVerdict.Fail, "stale cpu_id in 20 of 800 forked children");

    static string Pass(int number, string scenario) => KtapLines.Result(number, scenario, ScenarioVerdict.Pass, null);

    static IReadOnlyList<ScenarioOutcome> Judge(VmRun run, GuestConsole console, params string[] stream) =>
        OutcomeJudge.Judge(Requested, run, GuestReportReader.Read(stream), Timeout, Timeout, Accel.Tcg, console);

    static IEnumerable<(ScenarioVerdict, string?)> Verdicts(IEnumerable<ScenarioOutcome> outcomes) => outcomes.Select(o => (o.Outcome, o.Reason));

    [Test]
    public void A_guest_that_segfaults_is_an_error_naming_the_signal_and_its_earlier_fail_is_kept()
    {
        var outcomes = Judge(Run(VmEnd.EndedEarly), GuestRan with { GuestExitStatus = 139 },
            KtapLines.Version, KtapLines.Plan(3), Fail(1, ScenarioNames.ForkCpuId), Pass(2, ScenarioNames.AffinityPin));

        Assert.That(outcomes.Select(o => o.Outcome), Is.EqualTo(new[] { ScenarioVerdict.Fail, ScenarioVerdict.Error, ScenarioVerdict.Error }));
        Assert.That(outcomes[0].Reason, Does.Contain("stale cpu_id"));
        Assert.That(outcomes.Skip(1).Select(o => o.Reason), Has.All.EqualTo("guest crashed: signal 11 (SIGSEGV) after 2 of 3 scenarios"));
    }

    [Test]
    public void A_guest_crash_is_the_reason_even_when_the_vm_then_hung_until_the_test_timeout()
    {
        var outcomes = Judge(Run(VmEnd.TestTimeout), GuestRan with { GuestExitStatus = 134 }, KtapLines.Version, KtapLines.Plan(3));

        Assert.That(outcomes.Select(o => o.Reason), Has.All.EqualTo("guest crashed: signal 6 (SIGABRT) after 0 of 3 scenarios"));
    }

    [Test]
    public void A_guest_that_exits_with_a_status_before_its_stream_is_an_error_naming_the_status()
    {
        var outcomes = Judge(Run(VmEnd.EndedEarly), GuestRan with { GuestExitStatus = 2 });

        Assert.That(Verdicts(outcomes), Has.All.EqualTo((ScenarioVerdict.Error, "the guest exited with status 2 before its result stream began")));
    }

    [Test]
    public void A_pass_in_a_stream_cut_short_is_an_error_saying_how_far_it_got_and_a_fail_before_the_cut_is_kept()
    {
        var outcomes = Judge(Run(VmEnd.EndedEarly), GuestConsole.Silent with { KernelSpoke = true },
            KtapLines.Version, KtapLines.Plan(3), Fail(1, ScenarioNames.ForkCpuId), Pass(2, ScenarioNames.AffinityPin));

        Assert.That(outcomes[0].Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(Verdicts(outcomes.Skip(1)), Has.All.EqualTo((ScenarioVerdict.Error, "incomplete results: the stream stopped after 2 of 3 scenarios")));
    }

    [Test]
    public void A_later_fail_of_a_scenario_reported_twice_is_never_hidden_by_its_earlier_pass()
    {
        var outcomes = Judge(Run(VmEnd.Completed), GuestRan,
            KtapLines.Version, KtapLines.Plan(3),
            KtapLines.Evidence(ScenarioNames.ForkCpuId, "child cpu_id=2 getcpu=0"), Pass(1, ScenarioNames.ForkCpuId), Fail(1, ScenarioNames.ForkCpuId),
            Pass(2, ScenarioNames.AffinityPin), Pass(3, ScenarioNames.MigrationStorm), KtapLines.Done(0));

        Assert.That(outcomes[0].Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(Verdicts(outcomes.Skip(1)), Has.All.EqualTo((ScenarioVerdict.Error, "incomplete results: scenario 'fork_cpu_id' reported twice")));
    }

    [Test]
    public void A_garbled_line_or_an_unrequested_result_or_a_wrong_plan_turns_every_pass_into_an_error()
    {
        string[] passes = [Pass(1, ScenarioNames.ForkCpuId), Pass(2, ScenarioNames.AffinityPin), Pass(3, ScenarioNames.MigrationStorm)];

        var garbled = Judge(Run(VmEnd.Completed), GuestRan, [KtapLines.Version, KtapLines.Plan(3), passes[0], "\uFFFD\u0001", .. passes[1..], KtapLines.Done(0)]);
        var unrequested = Judge(Run(VmEnd.Completed), GuestRan, [KtapLines.Version, KtapLines.Plan(4), .. passes, Pass(4, "mystery_scenario"), KtapLines.Done(0)]);
        var wrongPlan = Judge(Run(VmEnd.Completed), GuestRan, [KtapLines.Version, KtapLines.Plan(4), .. passes, KtapLines.Done(0)]);

        Assert.That(Verdicts(garbled), Has.All.EqualTo((ScenarioVerdict.Error, @"incomplete results: a garbled line '�\x01'")));
        Assert.That(Verdicts(unrequested), Has.All.EqualTo((ScenarioVerdict.Error, "incomplete results: a result for 'mystery_scenario', which was not requested")));
        Assert.That(Verdicts(wrongPlan), Has.All.EqualTo((ScenarioVerdict.Error, "incomplete results: the plan announced 4 scenarios, the stream reported 3")));
    }

    [Test]
    public void A_qemu_that_refuses_its_arguments_is_an_error_with_qemus_own_message()
    {
        var outcomes = Judge(Run(VmEnd.EndedEarly, "qemu-system-x86_64: -foo: invalid option"), GuestConsole.Silent);

        Assert.That(Verdicts(outcomes), Has.All.EqualTo((ScenarioVerdict.Error, "QEMU stopped before the kernel ran: qemu-system-x86_64: -foo: invalid option")));
    }

    [Test]
    public void A_qemu_that_ends_after_the_kernel_printed_is_a_vm_that_ended_not_a_refusal()
    {
        var outcomes = Judge(Run(VmEnd.EndedEarly, "qemu-system-x86_64: terminating on signal 15"), GuestConsole.Silent with { KernelSpoke = true });

        Assert.That(outcomes.Select(o => o.Reason), Has.All.EqualTo("the VM ended before the guest started (QEMU: qemu-system-x86_64: terminating on signal 15)"));
    }
}
