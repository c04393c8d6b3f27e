using Guest.Topology;

namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>
/// Judges recorded intervals: node_id against the node of the CPU getcpu named, mm_cid against its
/// bound, and mm_cid uniqueness among intervals that overlap. Pure, so recorded runs test it.
/// </summary>
internal static class NodeIdMmCidAnalysis
{
    /// <param name="bound">mm_cid must stay below it (see <see cref="CidBound"/>).</param>
    public static NodeIdMmCidFindings Analyze(IReadOnlyList<CidSample> samples, NumaTopology topology, CidBound bound)
    {
        var cidBound = bound.Value;
        long undisturbed = 0, nodeMismatches = 0, outOfRange = 0;
        var cids = new SortedSet<int>();
        var nodesSeen = new SortedSet<int>();
        var nodesCovered = new SortedSet<int>();
        var evidence = new List<string>();
        foreach (var sample in samples)
        {
            cids.Add(sample.MmCid);
            // Any value the kernel wrote was a cid at some moment, so the bound holds for every read.
            if (sample.MmCid < 0 || sample.MmCid >= cidBound)
            {
                if (outOfRange++ == 0)
                    evidence.Add($"mm_cid {sample.MmCid} not below {bound}: {sample}");
            }
            if (!sample.Undisturbed)
                continue;
            undisturbed++;
            nodesSeen.Add(sample.NodeId);
            // Only undisturbed intervals: a migration between getcpu and the node_id read is no bug.
            var expectedNode = topology.NodeOf(sample.Cpu);
            nodesCovered.Add(expectedNode);
            if (sample.NodeId != expectedNode && nodeMismatches++ == 0)
                evidence.Add($"node_id {sample.NodeId} but cpu {sample.Cpu} is on node {expectedNode}: {sample}");
        }

        var overlaps = CidOverlaps.Check(samples);
        if (overlaps.CollisionExample is not null)
            evidence.Insert(0, overlaps.CollisionExample);
        evidence.Add($"mm_cids seen {string.Join(',', cids)} (bound {bound}); node_ids seen {string.Join(',', nodesSeen)} of {topology.Nodes} node(s)");
        return new NodeIdMmCidFindings(samples.Count, undisturbed, nodeMismatches, outOfRange, cids.Count, overlaps, evidence, nodesCovered.Count, cidBound);
    }
}
