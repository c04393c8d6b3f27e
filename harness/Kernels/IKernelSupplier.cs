using Harness.Config;

namespace Harness.Kernels;

/// <summary>Gives a bootable image for a kernel source (fetched, built, or the user's file).</summary>
public interface IKernelSupplier
{
    Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken);
}
