namespace Harness.Records;

/// <summary>Where one kernel's time went, in seconds.</summary>
/// <param name="KernelFromCache">True when the image was reused from the cache (no download, no build).</param>
/// <param name="BootSeconds">From QEMU's start to the guest's first result line.</param>
/// <param name="VmSeconds">From QEMU's start to its end.</param>
/// <param name="Build">For a kernel built from source: cold build or warm (cached) time, key and log.</param>
/// <param name="Phases">The boot-to-verdict breakdown outside the guest's work; null when the console or stream lacks what it needs.</param>
public sealed record KernelTimings(
    double AcquireSeconds, bool KernelFromCache, double? BootSeconds, double? VmSeconds, KernelBuild.KernelBuildInfo? Build = null,
    Vm.BootPhases? Phases = null);
