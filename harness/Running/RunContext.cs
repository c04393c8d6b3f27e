using Harness.Records;
using Harness.Vm;

namespace Harness.Running;

/// <summary>What every kernel of one run shares: the accelerator, the guest image, the run's seed and folder.</summary>
/// <param name="Guest">The guest image, which a matrix run builds while its first kernels are fetched; each boot awaits it.</param>
public sealed record RunContext(AccelResolver Accel, Task<GuestImage.GuestImage> Guest, long Seed, RunFolder Folder)
{
    /// <summary>A context whose guest image is already there (a bisect step, a test).</summary>
    public RunContext(AccelResolver Accel, GuestImage.GuestImage Guest, long Seed, RunFolder Folder)
        : this(Accel, Task.FromResult(Guest), Seed, Folder)
    {
    }
}
