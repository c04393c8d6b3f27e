using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.CsAbort;

/// <summary>The verdict of cs_abort from its counters: a pure function, tested on recorded runs.</summary>
internal static class CsAbortVerdict
{
    /// <summary>Migration between CPUs is the stress; one CPU cannot give it.</summary>
    public const int MinimumCpus = 2;

    /// <summary>
    /// Aborts that must happen: a run without them never exercised the restart, so an exact sum
    /// would prove nothing. Under TCG a 3 s run sees hundreds.
    /// </summary>
    public const int MinimumAborts = 10;

    /// <param name="rseqProblem">Why a thread had no rseq area (a SKIP only when the kernel lacks rseq); null when all had one.</param>
    public static ScenarioOutcome Judge(CsAbortCounts counts, RseqProblem? rseqProblem, IReadOnlyList<string> evidence)
    {
        var (verdict, reason) = Decide(counts, rseqProblem);
        return new ScenarioOutcome(verdict, reason, counts.ToCounters(), RseqProblem.EvidenceOf(rseqProblem, evidence));
    }

    static (ScenarioVerdict Verdict, string? Reason) Decide(CsAbortCounts counts, RseqProblem? rseqProblem)
    {
        if (counts.Cpus < MinimumCpus)
            return (ScenarioVerdict.Error, $"needs at least {MinimumCpus} CPUs, saw {counts.Cpus}");
        if (rseqProblem is not null)
            return (rseqProblem.Verdict, rseqProblem.Reason);
        if (counts.CounterSum != counts.Increments)
            return (ScenarioVerdict.Fail,
                $"per-CPU counters sum to {counts.CounterSum} but {counts.Increments} increments committed "
                + $"({counts.CounterSum - counts.Increments:+#;-#;0}): a critical section was not aborted, or aborted after its commit");
        if (counts.CpuIdOutOfRange > 0)
            return (ScenarioVerdict.Fail, $"cpu_id read beyond the possible CPUs in {counts.CpuIdOutOfRange} critical sections");
        if (counts.Aborts < MinimumAborts)
            return (ScenarioVerdict.Error, $"insufficient stress: {counts.Aborts} aborts, need {MinimumAborts}");
        return (ScenarioVerdict.Pass, null);
    }
}
