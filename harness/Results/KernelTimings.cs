namespace Harness.Results;

/// <summary>Where one kernel's time went, in seconds.</summary>
/// <param name="KernelFromCache">True when the image was reused from the cache (no download, no build).</param>
/// <param name="BootSeconds">From QEMU's start to the guest's first result line.</param>
/// <param name="VmSeconds">From QEMU's start to its end.</param>
public sealed record KernelTimings(double AcquireSeconds, bool KernelFromCache, double? BootSeconds, double? VmSeconds);
