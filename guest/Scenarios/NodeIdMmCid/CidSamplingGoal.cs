using Guest.Topology;

namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>
/// Decides from the intervals sampled so far whether node_id_mm_cid has its stress: the overlapping
/// pairs it asks for, and undisturbed intervals on CPUs of every NUMA node. The pairs are only known
/// by running the overlap check, and how many an interval gives varied from 0.23 to 1.0 between
/// runs under TCG (NUMA layouts and a loaded host give the fewest), so no fixed count of intervals
/// would do: the scenario checks what it has, and if short, how many more intervals to wait for.
/// Pure, so it is tested on made-up intervals.
/// </summary>
internal static class CidSamplingGoal
{
    /// <summary>Asked for above the estimate, so the next check usually is the last.</summary>
    const double Margin = 1.25;

    /// <returns>null when the intervals are enough; else the count of intervals to check again at.</returns>
    public static long? IntervalsToWaitFor(IReadOnlyList<CidSample> samples, NumaTopology topology, long overlapTarget)
    {
        var overlaps = CidOverlaps.Check(samples).OverlapsChecked;
        var nodesCovered = samples.Where(sample => sample.Undisturbed).Select(sample => topology.NodeOf(sample.Cpu)).Distinct().Count();
        if (overlaps >= overlapTarget && nodesCovered >= topology.Nodes)
            return null;
        var atLeast = samples.Count + samples.Count / 2 + 1;
        if (overlaps == 0)
            return Math.Max(atLeast, samples.Count * 2L);
        var estimate = (long)Math.Ceiling(samples.Count * (double)overlapTarget / overlaps * Margin);
        return Math.Max(atLeast, estimate);
    }
}
