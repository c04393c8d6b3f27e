using Harness.Config;
using Harness.Kernels;
using Harness.Running;

namespace Harness.Bisect;

/// <summary>Hands <see cref="KernelRun"/> the image the step has just built, so a failed build never reaches a boot.</summary>
sealed class BuiltKernel(KernelImage image) : IKernelSupplier
{
    public Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken) =>
        Task.FromResult(image);
}
