namespace Harness.Records;

/// <summary>
/// Which run a folder's record belongs to: the id the shards of one night share, the matrix they
/// were cut from, and which slice this one is.
/// </summary>
/// <param name="RunId">The run's id: given with <c>--run-id</c>, else the folder's time stamp.</param>
/// <param name="MatrixSha256">The hash of the matrix's normalised content and kernel selection; null when not known (soak rounds, bisect).</param>
/// <param name="Shard">The slice of the matrix this run ran; null for the whole matrix.</param>
public sealed record RunIdentity(string RunId, string? MatrixSha256 = null, ShardInfo? Shard = null);

/// <summary>One slice of a matrix (<c>--shard Index/Count</c>), with the matrix's kernels in order so a merge can check and order them.</summary>
/// <param name="Index">1-based.</param>
/// <param name="MatrixKernels">Every kernel of the sharded matrix (after <c>-k</c>), in the file's order, not only this slice's.</param>
public sealed record ShardInfo(int Index, int Count, IReadOnlyList<string> MatrixKernels)
{
    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>The environment one shard of a merged run ran in, kept as that shard recorded it.</summary>
/// <param name="Folder">The shard's run folder as given to merge (its last component).</param>
/// <param name="Kernels">The kernels this shard booted, in order.</param>
public sealed record MergedShard(
    int Index,
    int Count,
    string Folder,
    string HarnessVersion,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    HostInfo Host,
    VmEnvironment Vm,
    GuestImageInfo Guest,
    IReadOnlyList<string> Kernels);
