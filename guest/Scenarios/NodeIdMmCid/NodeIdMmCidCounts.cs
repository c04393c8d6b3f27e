using Protocol;

namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>The counters of one node_id_mm_cid run, in the order the counters line shows them.</summary>
internal sealed record NodeIdMmCidCounts(
    int Threads,
    long Samples,
    long UndisturbedSamples,
    long NodeMismatches,
    long CidOutOfRange,
    int DistinctCids,
    long OverlapsChecked,
    long CidCollisions,
    long SameCpuOverlaps,
    int NumaNodes,
    int Cpus,
    long ElapsedMs,
    int NodesCovered = 0,
    int CidBound = 0)
{
    public static NodeIdMmCidCounts From(NodeIdMmCidFindings findings, int threads, int numaNodes, int cpus, long elapsedMs) =>
        new(threads, findings.Samples, findings.Undisturbed, findings.NodeMismatches, findings.CidOutOfRange,
            findings.DistinctCids, findings.Overlaps.OverlapsChecked, findings.Overlaps.Collisions,
            findings.Overlaps.SameCpuOverlaps, numaNodes, cpus, elapsedMs, findings.NodesCovered, findings.CidBound);

    public IReadOnlyList<KeyValuePair<string, long>> ToCounters() =>
    [
        new(CounterNames.Threads, Threads),
        new(CounterNames.Samples, Samples),
        new(CounterNames.UndisturbedSamples, UndisturbedSamples),
        new(CounterNames.NodeMismatches, NodeMismatches),
        new(CounterNames.CidOutOfRange, CidOutOfRange),
        new(CounterNames.DistinctCids, DistinctCids),
        new(CounterNames.OverlapsChecked, OverlapsChecked),
        new(CounterNames.CidCollisions, CidCollisions),
        new(CounterNames.SameCpuOverlaps, SameCpuOverlaps),
        new(CounterNames.NumaNodes, NumaNodes),
        new(CounterNames.Cpus, Cpus),
        new(CounterNames.ElapsedMs, ElapsedMs),
        new(CounterNames.NodesCovered, NodesCovered),
        new(CounterNames.CidBound, CidBound),
    ];
}
