namespace Harness.Records.Json;

/// <summary>
/// run.json as a file: types of its own, so moving or renaming the harness's internal types can never
/// change the format by accident. Every field is written, in this order; enum values are words in
/// capitals (<see cref="Words"/>). Pinned by tests/Harness.Tests/Records/Golden/run.json.
/// </summary>
public sealed record RunDocument(
    int SchemaVersion,
    string RunId,
    string HarnessVersion,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    string MatrixFile,
    string? MatrixSha256,
    ShardDocument? Shard,
    HostDocument Host,
    VmDocument Vm,
    GuestDocument Guest,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<KernelDocument> Kernels,
    IReadOnlyList<MergedShardDocument>? MergedShards,
    bool AllMetExpectation)
{
    // 2: a kernel's expect became {kind, failing_scenarios}; outcomes gained source; kernels gained expectation_misses.
    // 3: kernels gained provenance (Debian package, tree commit, image hash, patch and fragment hashes, compiler, build key).
    // 4: matrix_sha256, shard (--shard I/N and the matrix's kernels) and merged_shards (harness merge); run_id may be given (--run-id).
    public const int CurrentSchemaVersion = 4;
}

public sealed record HostDocument(string Name, string Os, string KernelRelease, int Cpus);

public sealed record VmDocument(string QemuVersion, string Accel, string AccelReason, KvmProofDocument? KvmProof, AccelFallbackDocument? AccelFallback);

public sealed record KvmProofDocument(string Kernel, double SecondsToUserSpace);

public sealed record AccelFallbackDocument(string Kernel, string Reason);

public sealed record GuestDocument(string ContentHash, bool FromCache, double BuildSeconds);

/// <summary>The slice of the matrix a run ran (schema 4).</summary>
public sealed record ShardDocument(int Index, int Count, IReadOnlyList<string> MatrixKernels);

/// <summary>One shard of a merged run, with the environment it recorded (schema 4).</summary>
public sealed record MergedShardDocument(
    int Index,
    int Count,
    string Folder,
    string HarnessVersion,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    HostDocument Host,
    VmDocument Vm,
    GuestDocument Guest,
    IReadOnlyList<string> Kernels);
