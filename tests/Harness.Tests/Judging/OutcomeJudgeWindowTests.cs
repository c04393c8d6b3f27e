using Harness.Config;
using Harness.Judging;
using Harness.Vm;
using Protocol;
using static Harness.Tests.Judging.ConsoleExcerpts;

namespace Harness.Tests.Judging;

/// <summary>A console finding judged by its window: the guest's markers on a recorded console say when it struck.</summary>
public class OutcomeJudgeWindowTests
{
    const string Fork = ScenarioNames.ForkCpuId;
    const string Pin = ScenarioNames.AffinityPin;
    static readonly string[] Requested = [Fork, Pin];
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Both scenarios passed, as the result port said.</summary>
    static readonly string[] BothPassed =
    [
        KtapLines.Version, KtapLines.Plan(2),
        KtapLines.Result(1, Fork, ScenarioVerdict.Pass, null), KtapLines.Result(2, Pin, ScenarioVerdict.Pass, null),
        KtapLines.Done(0),
    ];

    sealed record Judged(IReadOnlyList<ScenarioOutcome> Scenarios, ScenarioOutcome? Console, IReadOnlyList<FindingPlace> Places)
    {
        public ScenarioOutcome this[string scenario] => Scenarios.Single(s => s.Scenario == scenario);

        public bool Met => ExpectationCheck.IsMet(Expectation.Pass, null, [.. Scenarios, .. Console is null ? [] : new[] { Console }]);
    }

    static Judged Judge(string[] console, string[] stream, VmEnd end = VmEnd.Completed, string[]? requested = null)
    {
        var run = new VmRun(end, stream, ConsoleScanner.Scan(console), 0, "", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(9));
        var report = GuestReportReader.Read(stream);
        var guestConsole = GuestConsole.Read(console);
        requested ??= Requested;
        return new Judged(
            OutcomeJudge.Judge(requested, run, report, Timeout, Timeout, Accel.Tcg, guestConsole),
            OutcomeJudge.ConsoleOutcome(requested, run, report, Accel.Tcg, guestConsole),
            OutcomeJudge.Places(run, guestConsole));
    }

    [Test]
    public void A_warning_while_a_scenario_ran_fails_that_scenario_with_the_line_and_its_trace_and_the_other_keeps_its_pass()
    {
        var judged = Judge(Console(Boot, GuestStarts, Scenario(Fork, RefcountWarning), Scenario(Pin), Done, GuestExits(), Reboot), BothPassed);

        Assert.That(judged[Fork].Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(judged[Fork].Reason, Is.EqualTo(
            "kernel WARNING on the console while fork_cpu_id ran: WARNING: CPU: 3 PID: 112 at lib/refcount.c:25 refcount_warn_saturate+0x9e/0x110"));
        Assert.That(judged[Fork].Evidence, Does.Contain("RIP: 0010:refcount_warn_saturate+0x9e/0x110"));
        Assert.That(judged[Pin].Outcome, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(judged.Console, Is.Null);
        Assert.That(judged.Met, Is.False);
    }

    [Test]
    public void A_warning_between_scenarios_is_a_fail_of_the_console_column_and_both_scenarios_keep_their_pass()
    {
        var judged = Judge(Console(Boot, GuestStarts, Scenario(Fork), RefcountWarning, Scenario(Pin), Done, GuestExits(), Reboot), BothPassed);

        Assert.That(judged.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(ScenarioVerdict.Pass));
        Assert.That(judged.Console!.Scenario, Is.EqualTo(OutcomeJudge.ConsoleColumn));
        Assert.That(judged.Console.Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(judged.Console.Reason, Does.StartWith("kernel WARNING on the console between scenarios, after fork_cpu_id: WARNING: CPU: 3"));
        Assert.That(judged.Console.Evidence, Does.Contain("Modules linked in:"));
        Assert.That(judged.Met, Is.False, "a kernel bug while the guest runs fails the row, as it did before the windows");
    }

    [Test]
    public void A_warning_after_the_guest_started_and_before_its_first_scenario_is_a_fail_of_the_console_column()
    {
        var judged = Judge(Console(Boot, GuestStarts, RefcountWarning, Scenario(Fork), Scenario(Pin), Done, GuestExits()), BothPassed);

        Assert.That(judged.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(ScenarioVerdict.Pass));
        Assert.That(judged.Console!.Reason, Does.StartWith("kernel WARNING on the console after the guest started, before its first scenario"));
    }

    [Test]
    public void A_warning_after_the_guests_final_line_fails_nothing_and_is_placed_after_the_guest()
    {
        var judged = Judge(Console(Boot, GuestStarts, Scenario(Fork), Scenario(Pin), Done, RefcountWarning, GuestExits(), Reboot), BothPassed);

        Assert.That(judged.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(ScenarioVerdict.Pass));
        Assert.That(judged.Console, Is.Null);
        Assert.That(judged.Places.Single().Window, Is.EqualTo(ConsoleWindow.AfterGuest));
        Assert.That(judged.Met, Is.True);
    }

    [Test]
    public void Without_a_done_marker_the_guest_exited_line_ends_the_guests_window()
    {
        var judged = Judge(Console(Boot, GuestStarts, Scenario(Fork), Scenario(Pin), GuestExits(), RefcountWarning, Reboot), BothPassed);

        Assert.That(judged.Places.Single().Window, Is.EqualTo(ConsoleWindow.AfterGuest));
        Assert.That(judged.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void A_warning_before_the_guest_started_is_an_error_of_every_scenario_even_when_the_guest_then_passed()
    {
        var judged = Judge(Console(Boot, RefcountWarning, GuestStarts, Scenario(Fork), Scenario(Pin), Done, GuestExits()), BothPassed);

        Assert.That(judged.Scenarios.Select(s => (s.Outcome, s.Reason)), Has.All.EqualTo((ScenarioVerdict.Error,
            "kernel WARNING before the guest started: WARNING: CPU: 3 PID: 112 at lib/refcount.c:25 refcount_warn_saturate+0x9e/0x110")));
        Assert.That(judged.Console, Is.Null);
    }

    [Test]
    public void A_console_without_markers_keeps_the_old_rule_and_a_warning_fails_every_scenario()
    {
        // An older guest image: /init's lines, no rseqh markers; the warning sits where the second scenario ran.
        var judged = Judge(Console(Boot, GuestStarts, ["random: crng init done"], RefcountWarning, GuestExits(), Reboot), BothPassed);

        Assert.That(judged.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(ScenarioVerdict.Fail));
        Assert.That(judged.Places.Single().Window, Is.EqualTo(ConsoleWindow.Unmarked));
        Assert.That(judged.Console, Is.Null);
    }

    [Test]
    public void A_panic_in_a_scenario_that_never_ended_fails_that_scenario_and_the_ones_never_run_are_errors()
    {
        string[] cutShort = [KtapLines.Version, KtapLines.Plan(2)];

        var judged = Judge(Console(Boot, GuestStarts, [ConsoleMarkers.Begin(Fork)], Int3InCopyProcess), cutShort, VmEnd.EndedEarly);

        Assert.That(judged[Fork].Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(judged[Fork].Reason, Does.Contain("while fork_cpu_id ran: Oops: int3"));
        Assert.That(judged[Pin].Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(judged[Pin].Reason, Does.StartWith("incomplete results"));
    }

    [Test]
    public void A_lockup_while_a_scenario_ran_is_that_scenarios_error_only()
    {
        var judged = Judge(Console(Boot, GuestStarts, Scenario(Fork, "watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [guest:97]"), Scenario(Pin), Done, GuestExits()),
            BothPassed);

        Assert.That(judged[Fork].Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(judged[Fork].Reason, Does.StartWith("lockup on the console while fork_cpu_id ran"));
        Assert.That(judged[Pin].Outcome, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void A_warning_while_a_selftest_ran_fails_its_column_and_the_console_column_since_selftests_are_not_counted()
    {
        const string selftest = "selftest:basic_test";
        string[] stream =
        [
            KtapLines.Version, KtapLines.Plan(2),
            KtapLines.Result(1, Fork, ScenarioVerdict.Pass, null), KtapLines.Result(2, selftest, ScenarioVerdict.Pass, null),
            KtapLines.Done(0),
        ];
        string[] console = Console(Boot, GuestStarts, Scenario(Fork), Scenario(selftest, RefcountWarning), Done, GuestExits());
        var run = new VmRun(VmEnd.Completed, stream, ConsoleScanner.Scan(console), 0, "", TimeSpan.Zero, TimeSpan.Zero);

        var selftests = OutcomeJudge.Selftests(GuestReportReader.Read(stream), run, GuestConsole.Read(console));
        var judged = Judge(console, stream, requested: [Fork]);

        Assert.That(selftests.Single().Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(judged[Fork].Outcome, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(judged.Console!.Reason, Does.Contain("while selftest:basic_test ran"));
        Assert.That(judged.Met, Is.False);
    }
}
