using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>The verdict of node_id_mm_cid from its counters: a pure function, tested on recorded runs.</summary>
internal static class NodeIdMmCidVerdict
{
    /// <summary>Uniqueness of mm_cid needs threads running at the same moment on different CPUs.</summary>
    public const int MinimumCpus = 2;

    /// <summary>
    /// Overlapping interval pairs on different CPUs to compare: a run with fewer says little about
    /// uniqueness. Under TCG with 4 vCPUs a 3 s run checks tens of thousands.
    /// </summary>
    public const int MinimumOverlapsChecked = 500;

    /// <param name="featureSize">AT_RSEQ_FEATURE_SIZE: 0 before 6.3, which has no node_id and mm_cid.</param>
    /// <param name="rseqProblem">Why a thread had no rseq area (a SKIP only when the kernel lacks rseq); null when all had one.</param>
    public static ScenarioOutcome Judge(NodeIdMmCidCounts counts, long featureSize, RseqProblem? rseqProblem, IReadOnlyList<string> evidence)
    {
        var (verdict, reason) = Decide(counts, featureSize, rseqProblem);
        return new ScenarioOutcome(verdict, reason, counts.ToCounters(), RseqProblem.EvidenceOf(rseqProblem, evidence));
    }

    static (ScenarioVerdict Verdict, string? Reason) Decide(NodeIdMmCidCounts counts, long featureSize, RseqProblem? rseqProblem)
    {
        if (featureSize < RseqLayout.MmCidFeatureSize)
            return (ScenarioVerdict.Skip, $"{SkipReasons.NoNodeIdMmCidPrefix} (rseq feature size {featureSize})");
        if (counts.Cpus < MinimumCpus)
            return (ScenarioVerdict.Error, $"needs at least {MinimumCpus} CPUs, saw {counts.Cpus}");
        if (rseqProblem is not null)
            return (rseqProblem.Verdict, rseqProblem.Reason);

        var failures = new List<string>();
        if (counts.CidCollisions > 0)
            failures.Add($"{counts.CidCollisions} of {counts.OverlapsChecked} overlapping intervals on different CPUs shared an mm_cid");
        if (counts.NodeMismatches > 0)
            failures.Add($"node_id differed from the CPU's node in {counts.NodeMismatches} of {counts.UndisturbedSamples} undisturbed samples");
        if (counts.CidOutOfRange > 0)
            failures.Add($"mm_cid out of range in {counts.CidOutOfRange} of {counts.Samples} samples");
        if (failures.Count > 0)
            return (ScenarioVerdict.Fail, string.Join("; ", failures));

        // On a NUMA layout node_id is only proven for the nodes it was seen on: a run whose threads
        // never ran on one node's CPUs could not have caught a kernel that writes node 0 there.
        if (counts.NumaNodes > 1 && counts.NodesCovered < counts.NumaNodes)
            return (ScenarioVerdict.Error,
                $"insufficient stress: undisturbed samples on CPUs of {counts.NodesCovered} of {counts.NumaNodes} NUMA nodes, need all");
        if (counts.OverlapsChecked < MinimumOverlapsChecked)
            return (ScenarioVerdict.Error,
                $"insufficient stress: {counts.OverlapsChecked} overlapping intervals checked, need {MinimumOverlapsChecked}");
        return (ScenarioVerdict.Pass, null);
    }
}
