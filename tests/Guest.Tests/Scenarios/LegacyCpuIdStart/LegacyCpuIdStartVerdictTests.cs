using Guest.Rseq;
using Guest.Scenarios.LegacyCpuIdStart;
using Protocol;

namespace Guest.Tests.Scenarios.LegacyCpuIdStart;

/// <summary>Probe reports recorded under QEMU TCG with 4 vCPUs.</summary>
public class LegacyCpuIdStartVerdictTests
{
    // Debian 6.1.0-50: every switch rewrites; 6 sleeps expired without blocking.
    static readonly LegacyProbeReport RewritingKernel = new(
        new LegacyProbeCounts(Sleeps: 500, SwitchedSleeps: 494, SentinelSurvived: 0, WrongCpuRewrites: 0, PinnedCpu: 1, ElapsedMs: 675),
        null, ["sleep 1: sentinel rewritten, cpu_id_start=1 cpu_id=1 getcpu=1 voluntary_switches=+1"]);

    // 7.2 with rseq_v2() treating every registration as v2: the probe stops after 20 survivals.
    static readonly LegacyProbeReport SurvivingSentinel = new(
        new LegacyProbeCounts(Sleeps: 20, SwitchedSleeps: 20, SentinelSurvived: 20, WrongCpuRewrites: 0, PinnedCpu: 2, ElapsedMs: 40),
        null, ["sleep 1: sentinel survived a context switch, cpu_id_start=sentinel cpu_id=2 getcpu=2 voluntary_switches=+1"]);

    [Test]
    public void A_kernel_that_rewrites_on_every_switch_passes()
    {
        var outcome = LegacyCpuIdStartVerdict.Judge(RewritingKernel, null);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(outcome.Evidence, Is.EqualTo(RewritingKernel.Evidence));
    }

    [Test]
    public void A_sentinel_surviving_a_switch_fails_with_the_count()
    {
        var outcome = LegacyCpuIdStartVerdict.Judge(SurvivingSentinel, null);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("20 of 20 context switches").And.Contain("32-byte"));
    }

    [Test]
    public void A_rewrite_to_the_wrong_cpu_fails()
    {
        var report = RewritingKernel with { Counts = RewritingKernel.Counts with { WrongCpuRewrites = 1 } };

        Assert.That(LegacyCpuIdStartVerdict.Judge(report, null).Verdict, Is.EqualTo(ScenarioVerdict.Fail));
    }

    [Test]
    public void Too_few_sleeps_that_switched_is_insufficient_stress_with_the_minimum_stated()
    {
        var report = RewritingKernel with { Counts = RewritingKernel.Counts with { SwitchedSleeps = 12 } };

        var outcome = LegacyCpuIdStartVerdict.Judge(report, null);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Is.EqualTo(
            $"insufficient stress: 12 of 500 sleeps switched the thread out, need {LegacyCpuIdStartVerdict.MinimumSwitchedSleeps}"));
    }

    [Test]
    public void A_probe_on_a_kernel_without_rseq_is_a_skip_that_says_so_first()
    {
        var report = new LegacyProbeReport(new LegacyProbeCounts(0, 0, 0, 0, -1, 0), RseqRegistrar.ProblemOf(38), []);

        var outcome = LegacyCpuIdStartVerdict.Judge(report, null);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(outcome.Reason, Does.StartWith(SkipReasons.NoRseqPrefix).And.Contain("ENOSYS"));
    }

    [Test]
    public void A_probe_whose_32_byte_registration_was_refused_fails_naming_the_errno()
    {
        var report = new LegacyProbeReport(new LegacyProbeCounts(0, 0, 0, 0, -1, 0), RseqRegistrar.ProblemOf(22), []);

        var outcome = LegacyCpuIdStartVerdict.Judge(report, null);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("no 32-byte rseq registration").And.Contain("EINVAL"));
    }

    [Test]
    public void A_probe_that_glibc_registered_first_is_an_error_not_a_skip()
    {
        var report = new LegacyProbeReport(new LegacyProbeCounts(0, 0, 0, 0, -1, 0),
            RseqProblem.Untestable("glibc registered rseq despite GLIBC_TUNABLES=glibc.pthread.rseq=0, so no 32-byte area of our own"), []);

        var outcome = LegacyCpuIdStartVerdict.Judge(report, null);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("glibc registered rseq"));
    }

    [Test]
    public void A_probe_that_crashed_is_an_error_even_with_a_report()
    {
        var outcome = LegacyCpuIdStartVerdict.Judge(RewritingKernel, "exit status 134: Unhandled exception");

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("exit status 134"));
    }

    [Test]
    public void A_probe_without_a_report_is_an_error_that_says_why()
    {
        var outcome = LegacyCpuIdStartVerdict.Judge(null, "timed out and was killed");

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("timed out"));
    }
}
