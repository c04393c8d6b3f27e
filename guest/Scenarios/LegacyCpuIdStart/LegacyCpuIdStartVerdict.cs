using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>The verdict of legacy_cpu_id_start from the probe's report: a pure function, tested on recorded runs.</summary>
/// <remarks>
/// Expected per kernel: up to 6.18 every context switch rewrites the IDs (PASS); v6.19 to 7.0 without
/// b9eac6a9d93c leave the sentinel (FAIL); 7.0-stable with the backport, 7.1 and later rewrite a
/// 32-byte registration again (PASS).
/// </remarks>
internal static class LegacyCpuIdStartVerdict
{
    /// <summary>Sleeps that really switched the thread out: each is one chance to see the fault.</summary>
    public const int MinimumSwitchedSleeps = 50;

    /// <param name="report">What the probe reported; null when it reported nothing readable.</param>
    /// <param name="probeFailure">How the probe process failed (exit status, timeout); null when it exited cleanly.</param>
    public static ScenarioOutcome Judge(LegacyProbeReport? report, string? probeFailure)
    {
        if (report is null)
            return ScenarioOutcome.Error($"the probe process left no report: {probeFailure ?? "no counters line"}");
        var (verdict, reason) = Decide(report, probeFailure);
        return new ScenarioOutcome(verdict, reason, report.Counts.ToCounters(), RseqProblem.EvidenceOf(report.Unavailable, report.Evidence));
    }

    static (ScenarioVerdict Verdict, string? Reason) Decide(LegacyProbeReport report, string? probeFailure)
    {
        var counts = report.Counts;
        if (probeFailure is not null)
            return (ScenarioVerdict.Error, $"the probe process failed: {probeFailure}");
        // A SKIP keeps the probe's reason as it is: its first words say the kernel lacks rseq.
        if (report.Unavailable is { } problem)
            return (problem.Verdict, problem.Verdict == ScenarioVerdict.Skip ? problem.Reason : $"no 32-byte rseq registration: {problem.Reason}");
        if (counts.SentinelSurvived > 0)
            return (ScenarioVerdict.Fail,
                $"cpu_id_start kept the sentinel after {counts.SentinelSurvived} of {counts.SwitchedSleeps} context switches "
                + "of a 32-byte (ABI v1) registration pinned to one CPU: the kernel no longer rewrites it on every switch");
        if (counts.WrongCpuRewrites > 0)
            return (ScenarioVerdict.Fail,
                $"cpu_id_start was rewritten to another CPU than getcpu after {counts.WrongCpuRewrites} of "
                + $"{counts.SwitchedSleeps} context switches on cpu {counts.PinnedCpu}");
        if (counts.SwitchedSleeps < MinimumSwitchedSleeps)
            return (ScenarioVerdict.Error,
                $"insufficient stress: {counts.SwitchedSleeps} of {counts.Sleeps} sleeps switched the thread out, "
                + $"need {MinimumSwitchedSleeps}");
        return (ScenarioVerdict.Pass, null);
    }
}
