using Harness.Config;
using Harness.Records;

namespace Harness.Sharding;

/// <summary>A matrix cut to one shard, with what its run.json records about the cut.</summary>
/// <param name="Matrix">The kernels of this slice only.</param>
/// <param name="Shard">Which slice, and the whole matrix's kernels; null when the whole matrix runs.</param>
public sealed record ShardedMatrix(Matrix Matrix, ShardInfo? Shard, string MatrixSha256)
{
    /// <param name="matrix">The matrix as selected with <c>-k</c>; the hash covers it whole, before the cut.</param>
    /// <exception cref="ShardingException">The slice has no kernel (more shards than kernels).</exception>
    public static ShardedMatrix Cut(Matrix matrix, ShardSpec? shard)
    {
        var hash = MatrixHash.Of(matrix);
        if (shard is null)
            return new ShardedMatrix(matrix, null, hash);
        var slice = shard.Slice(matrix.Kernels);
        if (slice.Count == 0)
            throw new ShardingException($"--shard {shard}: the matrix has {matrix.Kernels.Count} kernel(s), so this shard would run none; use at most {matrix.Kernels.Count} shards");
        return new ShardedMatrix(
            matrix with { Kernels = slice },
            new ShardInfo(shard.Index, shard.Count, matrix.Kernels.Select(k => k.Name).ToList()),
            hash);
    }
}
