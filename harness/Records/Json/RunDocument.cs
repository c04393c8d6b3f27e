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
    HostDocument Host,
    VmDocument Vm,
    GuestDocument Guest,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<KernelDocument> Kernels,
    bool AllMetExpectation)
{
    // 2: a kernel's expect became {kind, failing_scenarios}; outcomes gained source; kernels gained expectation_misses.
    // 3: kernels gained provenance (Debian package, tree commit, image hash, patch and fragment hashes, compiler, build key).
    public const int CurrentSchemaVersion = 3;
}

public sealed record HostDocument(string Name, string Os, string KernelRelease, int Cpus);

public sealed record VmDocument(string QemuVersion, string Accel, string AccelReason, KvmProofDocument? KvmProof, AccelFallbackDocument? AccelFallback);

public sealed record KvmProofDocument(string Kernel, double SecondsToUserSpace);

public sealed record AccelFallbackDocument(string Kernel, string Reason);

public sealed record GuestDocument(string ContentHash, bool FromCache, double BuildSeconds);
