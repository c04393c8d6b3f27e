using Guest.Rseq;
using Guest.Scenarios.LegacyCpuIdStart;

namespace Guest.Tests.Scenarios.LegacyCpuIdStart;

public class LegacyProbeReportTests
{
    static readonly LegacyProbeCounts SomeCounts = new(Sleeps: 500, SwitchedSleeps: 494, SentinelSurvived: 3,
        WrongCpuRewrites: 1, PinnedCpu: 2, ElapsedMs: 675);

    [Test]
    public void A_report_reads_back_from_its_own_lines()
    {
        var report = new LegacyProbeReport(SomeCounts, null, ["sleep 1: a line", "sleep 2: another"]);

        var parsed = LegacyProbeReport.Parse(report.ToLines());

        Assert.That(parsed, Is.Not.Null);
        Assert.That(parsed!.Counts, Is.EqualTo(SomeCounts));
        Assert.That(parsed.Unavailable, Is.Null);
        Assert.That(parsed.Evidence, Is.EqualTo(report.Evidence));
    }

    [Test]
    public void The_32_byte_registration_length_reads_back_as_the_rseq_len_counter()
    {
        var report = new LegacyProbeReport(SomeCounts with { RseqLength = 32 }, null, []);

        var parsed = LegacyProbeReport.Parse(report.ToLines());

        Assert.That(parsed!.Counts.RseqLength, Is.EqualTo(32));
        Assert.That(parsed.Counts.ToCounters(), Does.Contain(new KeyValuePair<string, long>(Protocol.CounterNames.RseqLength, 32)));
    }

    [Test]
    public void A_probe_that_registered_nothing_shows_no_rseq_len()
    {
        Assert.That(SomeCounts.ToCounters().Select(c => c.Key), Does.Not.Contain(Protocol.CounterNames.RseqLength));
    }

    [Test]
    public void The_reason_of_a_skipped_probe_reads_back()
    {
        var report = new LegacyProbeReport(SomeCounts, RseqRegistrar.ProblemOf(38), []);

        Assert.That(LegacyProbeReport.Parse(report.ToLines())?.Unavailable, Is.EqualTo(report.Unavailable));
    }

    [Test]
    public void A_refused_registration_reads_back_as_a_failure_not_a_skip()
    {
        var report = new LegacyProbeReport(SomeCounts, RseqRegistrar.ProblemOf(16), []);

        Assert.That(LegacyProbeReport.Parse(report.ToLines())?.Unavailable, Is.EqualTo(report.Unavailable));
        Assert.That(report.Unavailable!.Verdict, Is.EqualTo(Protocol.ScenarioVerdict.Fail));
    }

    [Test]
    public void Output_without_a_counters_line_is_no_report()
    {
        Assert.That(LegacyProbeReport.Parse(["Unhandled exception. System.InvalidOperationException: oops", ""]), Is.Null);
    }

    [Test]
    public void A_counters_line_missing_a_counter_is_no_report()
    {
        Assert.That(LegacyProbeReport.Parse(["# legacy_cpu_id_start: counters sleeps=500 switched_sleeps=494"]), Is.Null);
    }
}
