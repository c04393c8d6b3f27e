namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>
/// Compares every two undisturbed intervals of different threads that overlap in time. Both
/// threads held their cid on their CPU throughout their interval, so overlapping intervals on
/// different CPUs with one cid mean two threads held it at the same moment.
/// </summary>
/// <remarks>
/// A legitimate hand-over of a cid cannot look like that: the first thread must be switched out
/// after its interval's closing count, and the second must be switched in before its interval's
/// opening count, so the first interval ends before the second begins.
/// </remarks>
internal static class CidOverlaps
{
    public static CidOverlapFindings Check(IEnumerable<CidSample> samples)
    {
        // An array sort rather than LINQ's OrderBy: under TCG the sort of a few hundred thousand
        // intervals took seconds, longer than the sampling itself.
        var ordered = samples.Where(sample => sample.Undisturbed).ToArray();
        Array.Sort(ordered, static (left, right) => left.Start.CompareTo(right.Start));
        var active = new List<CidSample>();
        long checkedPairs = 0, collisions = 0, sameCpu = 0;
        CidSample? collisionExample = null, collisionPartner = null;
        foreach (var sample in ordered)
        {
            active.RemoveAll(earlier => earlier.End <= sample.Start);
            foreach (var earlier in active)
            {
                if (earlier.Thread == sample.Thread)
                    continue;
                if (earlier.Cpu == sample.Cpu)
                {
                    // Two threads cannot both run undisturbed on one CPU: only clock skew between CPUs gives this.
                    sameCpu++;
                    continue;
                }
                checkedPairs++;
                if (earlier.MmCid == sample.MmCid)
                {
                    collisions++;
                    collisionExample ??= earlier;
                    collisionPartner ??= sample;
                }
            }
            active.Add(sample);
        }
        var example = collisionExample is { } first && collisionPartner is { } second
            ? $"mm_cid {first.MmCid} held at once by {first} and {second}"
            : null;
        return new CidOverlapFindings(checkedPairs, collisions, sameCpu, example);
    }
}
