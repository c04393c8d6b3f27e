namespace Harness.Records;

/// <summary>
/// The whole run, as written to run.json. <see cref="SchemaVersion"/> changes whenever a field
/// changes meaning or disappears, so readers of old runs can tell.
/// </summary>
public sealed record RunRecord(
    int SchemaVersion,
    string RunId,
    string HarnessVersion,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    string MatrixFile,
    HostInfo Host,
    VmEnvironment Vm,
    GuestImageInfo Guest,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<KernelResult> Kernels)
{
    /// <summary>The version run.json is written with (see <see cref="Json.RunDocument"/> for what each one changed).</summary>
    public const int CurrentSchemaVersion = Json.RunDocument.CurrentSchemaVersion;

    /// <summary>The hash of the matrix that was run (see Sharding.MatrixHash); null in files of schema 3 and older.</summary>
    public string? MatrixSha256 { get; init; }

    /// <summary>The slice of the matrix this run ran (<c>--shard</c>); null for the whole matrix.</summary>
    public ShardInfo? Shard { get; init; }

    /// <summary>For a run made by <c>harness merge</c>: each shard's environment, in shard order; empty otherwise.</summary>
    public IReadOnlyList<MergedShard> MergedShards { get; init; } = [];

    public bool AllMetExpectation => Kernels.Count > 0 && Kernels.All(k => k.MetExpectation);
}

/// <summary>The machine the harness ran on.</summary>
public sealed record HostInfo(string Name, string Os, string KernelRelease, int Cpus);

/// <summary>The QEMU and accelerator the kernels of the run were booted with.</summary>
/// <param name="KvmProof">Under KVM chosen by the probe: the kernel that reached user space under KVM, and how fast.</param>
/// <param name="AccelFallback">When a KVM boot stalled mid-run and the run went on under TCG: on which kernel, and why.</param>
public sealed record VmEnvironment(
    string QemuVersion,
    Vm.Accel? Accel,
    string AccelReason,
    Vm.KvmProof? KvmProof = null,
    Vm.AccelFallback? AccelFallback = null);

/// <summary>The guest image every kernel of the run was booted with.</summary>
public sealed record GuestImageInfo(string ContentHash, bool FromCache, double BuildSeconds);
