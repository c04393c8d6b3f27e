using Guest.Rseq;
using Guest.Scenarios.CsAbort;
using Protocol;

namespace Guest.Tests.Scenarios.CsAbort;

/// <summary>Counters recorded from real runs under QEMU TCG, 4 vCPUs, 3 s.</summary>
public class CsAbortVerdictTests
{
    // Debian 7.2.13, glibc's registration, 5 workers and the migrator.
    static readonly CsAbortCounts Kernel72 = new(Threads: 5, Increments: 76_838_019, Aborts: 125, CounterSum: 76_838_019,
        CpuIdOutOfRange: 0, Repins: 634, Cpus: 4, ElapsedMs: 3094);

    [Test]
    public void An_exact_sum_with_enough_aborts_passes()
    {
        Assert.That(CsAbortVerdict.Judge(Kernel72, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void A_lost_increment_fails_with_the_difference()
    {
        // A section preempted after its load but not aborted: another thread's increment is overwritten.
        var outcome = CsAbortVerdict.Judge(Kernel72 with { CounterSum = Kernel72.Increments - 3 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("(-3)"));
    }

    [Test]
    public void An_increment_the_stub_reported_as_aborted_fails_too()
    {
        var outcome = CsAbortVerdict.Judge(Kernel72 with { CounterSum = Kernel72.Increments + 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("(+1)"));
    }

    [Test]
    public void A_cpu_id_beyond_the_possible_cpus_fails()
    {
        var outcome = CsAbortVerdict.Judge(Kernel72 with { CpuIdOutOfRange = 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("cpu_id read beyond"));
    }

    [Test]
    public void Too_few_aborts_is_insufficient_stress_with_the_minimum_stated()
    {
        var outcome = CsAbortVerdict.Judge(Kernel72 with { Aborts = CsAbortVerdict.MinimumAborts - 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Is.EqualTo($"insufficient stress: {CsAbortVerdict.MinimumAborts - 1} aborts, need {CsAbortVerdict.MinimumAborts}"));
    }

    [Test]
    public void A_wrong_sum_fails_even_when_stress_was_low()
    {
        var outcome = CsAbortVerdict.Judge(Kernel72 with { Aborts = 0, CounterSum = 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
    }

    [Test]
    public void One_cpu_is_an_error_and_no_rseq_is_a_skip()
    {
        Assert.That(CsAbortVerdict.Judge(Kernel72 with { Cpus = 1 }, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(CsAbortVerdict.Judge(Kernel72, RseqRegistrar.ProblemOf(38), []).Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(CsAbortVerdict.Judge(Kernel72, RseqRegistrar.ProblemOfCpuId(-2), []).Verdict, Is.EqualTo(ScenarioVerdict.Fail));
    }
}
