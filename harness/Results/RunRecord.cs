namespace Harness.Results;

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
    public const int CurrentSchemaVersion = 1;

    public bool AllMetExpectation => Kernels.Count > 0 && Kernels.All(k => k.MetExpectation);
}

/// <summary>The machine the harness ran on.</summary>
public sealed record HostInfo(string Name, string Os, string KernelRelease, int Cpus);

/// <summary>The QEMU and accelerator every kernel of the run was booted with.</summary>
public sealed record VmEnvironment(string QemuVersion, string Accel, string AccelReason);

/// <summary>The guest image every kernel of the run was booted with.</summary>
public sealed record GuestImageInfo(string ContentHash, bool FromCache, double BuildSeconds);
