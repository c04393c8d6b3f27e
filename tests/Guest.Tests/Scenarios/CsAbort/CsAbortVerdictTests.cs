using Guest.Rseq;
using Guest.Scenarios.CsAbort;
using Protocol;

namespace Guest.Tests.Scenarios.CsAbort;

/// <summary>Counters recorded from real runs under QEMU TCG, 4 vCPUs, 3 s.</summary>
public class CsAbortVerdictTests
{
    // Debian 6.12.117 (trixie), glibc's registration, 5 workers and the migrator, armed and unarmed batches alternating.
    static readonly CsAbortCounts Kernel612 = new(Threads: 5, Increments: 22_668_755, Aborts: 45, CounterSum: 22_668_755,
        CpuIdOutOfRange: 0, Repins: 439, Cpus: 4, ElapsedMs: 3127,
        InvoluntarySwitches: 244, UnarmedIncrements: 22_668_800, UnarmedLostUpdates: 939_592);

    [Test]
    public void An_exact_sum_with_enough_aborts_passes()
    {
        Assert.That(CsAbortVerdict.Judge(Kernel612, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void A_lost_increment_fails_with_the_difference()
    {
        // A section preempted after its load but not aborted: another thread's increment is overwritten.
        var outcome = CsAbortVerdict.Judge(Kernel612 with { CounterSum = Kernel612.Increments - 3 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("(-3)"));
    }

    [Test]
    public void An_increment_the_stub_reported_as_aborted_fails_too()
    {
        var outcome = CsAbortVerdict.Judge(Kernel612 with { CounterSum = Kernel612.Increments + 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("(+1)"));
    }

    [Test]
    public void A_cpu_id_beyond_the_possible_cpus_fails()
    {
        var outcome = CsAbortVerdict.Judge(Kernel612 with { CpuIdOutOfRange = 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("cpu_id read beyond"));
    }

    [Test]
    public void Too_few_aborts_is_insufficient_stress_with_the_minimum_stated()
    {
        var outcome = CsAbortVerdict.Judge(Kernel612 with { Aborts = CsAbortVerdict.MinimumAborts - 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Is.EqualTo($"insufficient stress: {CsAbortVerdict.MinimumAborts - 1} aborts, need {CsAbortVerdict.MinimumAborts}"));
    }

    [Test]
    public void A_wrong_sum_fails_even_when_stress_was_low()
    {
        var outcome = CsAbortVerdict.Judge(Kernel612 with { Aborts = 0, CounterSum = 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
    }

    [Test]
    public void An_unarmed_control_that_lost_no_updates_is_insufficient_stress_naming_its_increments()
    {
        var outcome = CsAbortVerdict.Judge(Kernel612 with { UnarmedLostUpdates = 0 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason,
            Is.EqualTo("insufficient stress: the unarmed critical section lost no updates in 22668800 increments"));
    }

    [Test]
    public void One_lost_update_of_the_unarmed_control_is_enough_stress()
    {
        var outcome = CsAbortVerdict.Judge(Kernel612 with { UnarmedLostUpdates = CsAbortVerdict.MinimumUnarmedLostUpdates }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void No_abort_despite_many_involuntary_switches_fails_naming_the_switches()
    {
        var switches = CsAbortVerdict.MinimumSwitchesForNoAbortFail;

        var outcome = CsAbortVerdict.Judge(Kernel612 with { Aborts = 0, InvoluntarySwitches = switches }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Is.EqualTo($"kernel never aborted the critical section in {switches} involuntary switches of the workers"));
    }

    [Test]
    public void No_abort_with_few_involuntary_switches_is_insufficient_stress_not_a_failure()
    {
        var outcome = CsAbortVerdict.Judge(
            Kernel612 with { Aborts = 0, InvoluntarySwitches = CsAbortVerdict.MinimumSwitchesForNoAbortFail - 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.StartWith("insufficient stress: 0 aborts"));
    }

    [Test]
    public void No_abort_with_many_switches_fails_even_when_the_unarmed_control_lost_nothing()
    {
        // The switches were counted directly: they are evidence enough on their own.
        var counts = Kernel612 with { Aborts = 0, InvoluntarySwitches = 100_000, UnarmedLostUpdates = 0 };

        Assert.That(CsAbortVerdict.Judge(counts, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Fail));
    }

    [Test]
    public void One_cpu_is_an_error_and_no_rseq_is_a_skip()
    {
        Assert.That(CsAbortVerdict.Judge(Kernel612 with { Cpus = 1 }, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(CsAbortVerdict.Judge(Kernel612, RseqRegistrar.ProblemOf(38), []).Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(CsAbortVerdict.Judge(Kernel612, RseqRegistrar.ProblemOfCpuId(-2), []).Verdict, Is.EqualTo(ScenarioVerdict.Fail));
    }
}
