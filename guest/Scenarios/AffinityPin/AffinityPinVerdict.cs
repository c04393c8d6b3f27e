using Guest.Forking;
using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.AffinityPin;

/// <summary>The verdict of affinity_pin from its counters: a pure function, tested on recorded runs.</summary>
internal static class AffinityPinVerdict
{
    public const int MinimumCpus = 2;

    /// <summary>
    /// Children that reported. Sized for TCG, where a child with its fork and four pins takes up to
    /// 100 ms: 29 to 203 children in 3 s with 4 vCPUs on a loaded host.
    /// </summary>
    public const int MinimumChildren = 10;

    /// <summary>
    /// Children that started on another CPU than their parent: only their first pin can show the
    /// parent's stale cpu_id. A kernel without ce3614daabea shows it in nearly every such child.
    /// </summary>
    public const int MinimumCrossCpuStarts = 5;

    /// <summary>Pins that landed on their target: fewer means sched_setaffinity mostly failed.</summary>
    public const int MinimumPins = 30;

    /// <summary>The run has <paramref name="multiple"/> times every stress minimum a PASS needs: more children add little.</summary>
    public static bool StressReached(long children, long crossCpuStarts, long pins, double multiple) =>
        children >= StressTarget.Of(MinimumChildren, multiple)
        && crossCpuStarts >= StressTarget.Of(MinimumCrossCpuStarts, multiple)
        && pins >= StressTarget.Of(MinimumPins, multiple);

    /// <param name="rseqProblem">Why the guest has no rseq area (a SKIP only when the kernel lacks rseq); null when it has one.</param>
    public static ScenarioOutcome Judge(AffinityPinCounts counts, RseqProblem? rseqProblem, IReadOnlyList<string> evidence)
    {
        var (verdict, reason) = Decide(counts, rseqProblem);
        return new ScenarioOutcome(verdict, reason, counts.ToCounters(), RseqProblem.EvidenceOf(rseqProblem, evidence));
    }

    static (ScenarioVerdict Verdict, string? Reason) Decide(AffinityPinCounts counts, RseqProblem? rseqProblem)
    {
        if (counts.Cpus < MinimumCpus)
            return (ScenarioVerdict.Error, $"needs at least {MinimumCpus} CPUs, saw {counts.Cpus}");
        if (rseqProblem is not null)
            return (rseqProblem.Verdict, rseqProblem.Reason);
        var failures = new List<string>();
        if (counts.SegvChildren > 0)
            failures.Add($"{counts.SegvChildren} forked children killed by SIGSEGV (signal 11), "
                + "rseq's kill for a bad critical section or signature");
        if (counts.NegativeCpuIds > 0)
            failures.Add($"cpu_id read -1 or -2 after {counts.NegativeCpuIds} of {counts.Pins} pins "
                + "in children that inherited a working registration");
        if (counts.PinMismatches > 0)
            failures.Add($"cpu_id was off the pinned CPU after {counts.PinMismatches} of {counts.Pins} pins "
                + $"({counts.FirstPinMismatches} on the first pin, to the CPU the child already ran on; "
                + $"{counts.RightOnReread} right on a re-read, a late refresh) with getcpu on the target");
        if (failures.Count > 0)
            return (ScenarioVerdict.Fail, string.Join("; ", failures));
        var tried = counts.Children + counts.FailedChildren;
        if (LostChildren.TooMany(counts.FailedChildren, tried))
            return (ScenarioVerdict.Error, LostChildren.InsufficientReason(counts.FailedChildren, tried));
        if (counts.Children < MinimumChildren)
            return (ScenarioVerdict.Error, $"insufficient stress: {counts.Children} children, need {MinimumChildren}");
        if (counts.CrossCpuStarts < MinimumCrossCpuStarts)
            return (ScenarioVerdict.Error,
                $"insufficient stress: {counts.CrossCpuStarts} of {counts.Children} children started on another CPU "
                + $"than the parent, need {MinimumCrossCpuStarts}");
        if (counts.Pins < MinimumPins)
            return (ScenarioVerdict.Error,
                $"insufficient stress: {counts.Pins} pins landed ({counts.FailedPins} failed), need {MinimumPins}");
        return (ScenarioVerdict.Pass, null);
    }
}
