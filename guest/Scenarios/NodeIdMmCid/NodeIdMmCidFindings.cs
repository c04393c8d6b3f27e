namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>What <see cref="NodeIdMmCidAnalysis"/> found in the recorded intervals.</summary>
/// <param name="Undisturbed">Intervals in which the thread provably kept its CPU and cid.</param>
/// <param name="NodesCovered">Nodes whose CPUs ran at least one undisturbed interval.</param>
/// <param name="CidBound">The value of the <see cref="NodeIdMmCid.CidBound"/> the cids were checked against.</param>
internal sealed record NodeIdMmCidFindings(
    long Samples,
    long Undisturbed,
    long NodeMismatches,
    long CidOutOfRange,
    int DistinctCids,
    CidOverlapFindings Overlaps,
    IReadOnlyList<string> Evidence,
    int NodesCovered = 0,
    int CidBound = 0);
