using Harness.Judging;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Judging;

public class OutcomeJudgeTests
{
    static readonly string[] Requested = [ScenarioNames.ForkCpuId];
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    static VmRun Run(VmEnd end, params ConsoleFinding[] findings) =>
        new(end, [], findings, 0, "", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

    /// <summary>A stream whose plan counts the results it carries (a plan that disagrees is a broken stream: see StreamCheckTests).</summary>
    static GuestReport Stream(ScenarioVerdict? verdict, bool complete = true, string? reason = null)
    {
        List<string> lines = [KtapLines.Version, KtapLines.Plan(verdict is null ? 0 : 1)];
        if (verdict is { } v)
        {
            lines.Add(KtapLines.Evidence(ScenarioNames.ForkCpuId, "child cpu_id=3 getcpu=2"));
            lines.Add(KtapLines.Result(1, ScenarioNames.ForkCpuId, v, reason));
        }
        if (complete)
            lines.Add(KtapLines.Done(0));
        return GuestReportReader.Read(lines);
    }

    static ScenarioOutcome JudgeOne(VmRun run, GuestReport report) =>
        OutcomeJudge.Judge(Requested, run, report, Timeout, Timeout, Accel.Tcg).Single();

    [Test]
    public void A_complete_run_keeps_the_guests_pass() =>
        Assert.That(JudgeOne(Run(VmEnd.Completed), Stream(ScenarioVerdict.Pass)).Outcome, Is.EqualTo(ScenarioVerdict.Pass));

    [Test]
    public void A_pass_in_a_stream_that_never_ended_is_an_error()
    {
        var outcome = JudgeOne(Run(VmEnd.TestTimeout), Stream(ScenarioVerdict.Pass, complete: false));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("test timeout"));
    }

    [Test]
    public void A_pass_is_an_error_when_qemu_ended_before_the_final_line()
    {
        var outcome = JudgeOne(Run(VmEnd.EndedEarly), Stream(ScenarioVerdict.Pass, complete: false));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Error));
    }

    [Test]
    public void A_fail_with_evidence_survives_a_stream_that_broke_off_later()
    {
        var outcome = JudgeOne(Run(VmEnd.TestTimeout), Stream(ScenarioVerdict.Fail, complete: false));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Evidence, Is.Not.Empty);
    }

    [Test]
    public void A_kernel_bug_on_the_console_while_the_guest_ran_is_a_fail()
    {
        var oops = new ConsoleFinding(ConsoleFindingKind.Oops, 311, "Oops: 0000 [#1] SMP NOPTI");

        var outcome = JudgeOne(Run(VmEnd.EndedEarly, oops), Stream(null, complete: false));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("Oops: 0000"));
    }

    [Test]
    public void A_panic_before_the_guest_started_is_an_error_not_a_verdict()
    {
        var panic = new ConsoleFinding(ConsoleFindingKind.Panic, 80, "Kernel panic - not syncing: VFS: Unable to mount root fs");

        var outcome = JudgeOne(Run(VmEnd.EndedEarly, panic), GuestReportReader.Read([]));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("before the guest started"));
    }

    [Test]
    public void A_boot_timeout_is_an_error_naming_the_timeout()
    {
        var outcome = JudgeOne(Run(VmEnd.BootTimeout), GuestReportReader.Read([]));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("boot timeout").And.Contain("60 s"));
    }

    [Test]
    public void A_requested_scenario_the_guest_never_reported_is_an_error()
    {
        var outcome = JudgeOne(Run(VmEnd.Completed), Stream(null));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("no result"));
    }

    [Test]
    public void The_guests_own_error_and_skip_stand_with_their_reasons()
    {
        var error = JudgeOne(Run(VmEnd.Completed), Stream(ScenarioVerdict.Error, reason: "insufficient stress: 0 cross-CPU starts"));
        var skip = JudgeOne(Run(VmEnd.Completed), Stream(ScenarioVerdict.Skip, reason: "no rseq"));

        Assert.That((error.Outcome, error.Reason), Is.EqualTo((ScenarioVerdict.Error, "insufficient stress: 0 cross-CPU starts")));
        Assert.That((skip.Outcome, skip.Reason), Is.EqualTo((ScenarioVerdict.Skip, "no rseq")));
    }

    [Test]
    public void A_lockup_alone_is_an_error_because_a_starved_vcpu_looks_the_same()
    {
        var lockup = new ConsoleFinding(ConsoleFindingKind.Lockup, 500, "watchdog: BUG: soft lockup - CPU#1 stuck for 22s!");

        var outcome = JudgeOne(Run(VmEnd.Completed, lockup), Stream(ScenarioVerdict.Pass));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("lockup"));
    }

    static ConsoleFinding Int3(string rip) =>
        new ConsoleFinding(ConsoleFindingKind.Oops, 346, "Oops: int3: 0000 [#1] PREEMPT SMP NOPTI") { Rip = rip };

    [Test]
    public void An_int3_oops_in_sched_clock_before_the_guest_under_tcg_is_an_error_of_the_emulator_and_under_kvm_the_kernels()
    {
        var int3 = Int3("sched_clock_cpu+0x11/0x1c0");

        var underTcg = OutcomeJudge.Judge(Requested, Run(VmEnd.EndedEarly, int3), GuestReportReader.Read([]), Timeout, Timeout, Accel.Tcg).Single();
        var underKvm = OutcomeJudge.Judge(Requested, Run(VmEnd.EndedEarly, int3), GuestReportReader.Read([]), Timeout, Timeout, Accel.Kvm).Single();

        Assert.That((underTcg.Outcome, underKvm.Outcome), Is.EqualTo((ScenarioVerdict.Error, ScenarioVerdict.Error)));
        Assert.That(underTcg.Reason, Does.StartWith("int3 oops under TCG at sched_clock_cpu+0x11/0x1c0"));
        Assert.That(underKvm.Reason, Does.StartWith("kernel oops before the guest started"));
    }

    [Test]
    public void An_int3_oops_in_sched_clock_after_the_stream_began_is_a_fail_that_names_the_emulator_suspicion()
    {
        var outcome = JudgeOne(Run(VmEnd.EndedEarly, Int3("sched_clock_cpu+0x11/0x1c0")), Stream(null, complete: false));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("live-patched site"));
    }

    [TestCase("copy_process+0x5d3/0x1c80")]
    [TestCase("0xffffffff8a2c1f11")] // no KALLSYMS: no symbol to tell a patched site by
    [TestCase(null)] // no RIP line reached the console
    public void An_int3_oops_before_the_guest_anywhere_but_a_patched_site_is_the_kernels_error_not_the_emulators(string? rip)
    {
        var outcome = JudgeOne(Run(VmEnd.EndedEarly, Int3(rip!)), GuestReportReader.Read([]));

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.StartWith("kernel oops before the guest started"));
    }

    // The Code: line of the int3 oops that ended sid-numa's 10th boot of a 60-boot run of Debian's
    // 7.2.13 under TCG: a static branch's 5-byte NOP inside enqueue_task_fair, restored by the time
    // the oops printed it.
    const string JumpLabelCode = "Code: e8 f4 c6 fd ff 8b 4c 24 20 65 49 ff 45 08 4c 8b 6c 24 50 e9 d0 f4 ff ff 49 8d bf e0 0c 00 00 e8 f5 36 02 00 e9 aa f5 ff ff 0f <1f> 44 00 00 48 81 bb e8 03 00 00 90 ea 91 85 0f 85 ea f5 ff ff 49";

    [TestCase(JumpLabelCode, true)]
    [TestCase("Code: 48 89 e5 cc <1f> 44 00 00 55 48 89 e5", true)] // the NOP with the int3 still over it
    [TestCase("Code: 48 89 e5 e9 <10> 20 00 00 55 48 89 e5", true)] // a jump label switched to its jmp
    [TestCase("Code: 48 89 e5 cc <48> 89 e5 5d c3", false)] // a stray int3 before ordinary code
    [TestCase("Code: 48 89 e5 48 <89> e5 5d c3", false)]
    [TestCase("Code: Unable to access opcode bytes at 0xffffffff81000000.", false)]
    public void An_int3_on_an_instruction_the_kernel_live_patches_is_recognised_from_the_code_bytes(string code, bool patched) =>
        Assert.That(EmulatorFault.TrappedOnAPatchableInstruction(["RIP: 0010:enqueue_task_fair+0xcc1/0xed0", code]), Is.EqualTo(patched));

    [TestCase("sched_clock_cpu", true)]
    [TestCase("sched_clock", true)]
    [TestCase("native_sched_clock", true)]
    [TestCase("static_key_enable_cpuslocked", true)]
    [TestCase("__static_call_update", true)]
    [TestCase("text_poke_bp_batch", true)]
    [TestCase("sched_clock_cpu_idle", false)]
    [TestCase("copy_process", false)]
    [TestCase(null, false)]
    public void Only_the_named_live_patched_sites_count_as_the_emulators(string? function, bool patched) =>
        Assert.That(EmulatorFault.IsPatchedSite(function), Is.EqualTo(patched));
}
