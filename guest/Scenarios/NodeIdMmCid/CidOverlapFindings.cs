namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>What the overlap check of <see cref="CidOverlaps"/> found.</summary>
/// <param name="OverlapsChecked">Overlapping undisturbed interval pairs of different threads on different CPUs.</param>
/// <param name="Collisions">Those of them with the same mm_cid.</param>
/// <param name="SameCpuOverlaps">Overlaps on one CPU, impossible unless clocks disagree: a sanity count.</param>
internal sealed record CidOverlapFindings(long OverlapsChecked, long Collisions, long SameCpuOverlaps, string? CollisionExample);
