using Guest.Forking;
using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>The verdict of fork_cpu_id from its counters: a pure function, so it is tested on recorded runs.</summary>
internal static class ForkCpuIdVerdict
{
    public const int MinimumCpus = 2;

    /// <summary>
    /// Children that must start on another CPU than their parent: only those can see a stale
    /// cpu_id, so a run with fewer proves nothing.
    /// </summary>
    public const int MinimumCrossCpuStarts = 20;

    /// <summary>The run has <paramref name="multiple"/> times the stress a PASS needs: more forks add little.</summary>
    public static bool StressReached(long crossCpuStarts, double multiple) =>
        crossCpuStarts >= StressTarget.Of(MinimumCrossCpuStarts, multiple);

    /// <param name="rseqProblem">Why the guest has no rseq area (a SKIP only when the kernel lacks rseq); null when it has one.</param>
    public static ScenarioOutcome Judge(ForkCpuIdCounts counts, RseqProblem? rseqProblem, IReadOnlyList<string> evidence)
    {
        var (verdict, reason) = Decide(counts, rseqProblem);
        return new ScenarioOutcome(verdict, reason, counts.ToCounters(), RseqProblem.EvidenceOf(rseqProblem, evidence));
    }

    static (ScenarioVerdict Verdict, string? Reason) Decide(ForkCpuIdCounts counts, RseqProblem? rseqProblem)
    {
        if (counts.Cpus < MinimumCpus)
            return (ScenarioVerdict.Error, $"needs at least {MinimumCpus} CPUs, saw {counts.Cpus}");
        if (rseqProblem is not null)
            return (rseqProblem.Verdict, rseqProblem.Reason);

        var failures = new List<string>();
        if (counts.SegvChildren > 0)
            failures.Add($"{counts.SegvChildren} of {counts.Forks} forked children killed by SIGSEGV (signal 11), "
                + "rseq's kill for a bad critical section or signature");
        if (counts.NegativeCpuIds > 0)
            failures.Add($"cpu_id read -1 or -2 in {counts.NegativeCpuIds} of {counts.Forks} forked children "
                + "that inherited a working registration");
        if (counts.StaleChildren > 0)
            failures.Add($"stale cpu_id in {counts.StaleChildren} of {counts.Forks} forked children "
                + $"(same wrong value over {ChildClassifier.MinimumStaleRounds}+ rounds with getcpu unchanged)");
        if (failures.Count > 0)
            return (ScenarioVerdict.Fail, string.Join("; ", failures));

        // Forks counts every child forked, reported or lost. A failed fork counts among the failed
        // only; ForkLoop gives up after a few in a row, so they barely move the share.
        if (LostChildren.TooMany(counts.FailedChildren, counts.Forks))
            return (ScenarioVerdict.Error, LostChildren.InsufficientReason(counts.FailedChildren, counts.Forks));
        if (counts.CrossCpuStarts < MinimumCrossCpuStarts)
            return (ScenarioVerdict.Error,
                $"insufficient stress: {counts.CrossCpuStarts} of {counts.Forks} children started on another CPU "
                + $"than the parent, need at least {MinimumCrossCpuStarts}");
        return (ScenarioVerdict.Pass, null);
    }
}
