using Harness.Config;
using Harness.Kernels;
using Harness.Running;

namespace Harness.Bisect;

/// <summary>
/// Supplies a matrix's images without their selftests: a bisect asks only its scenarios, and the
/// kernel's own selftests would add minutes per boot under TCG without deciding anything.
/// </summary>
sealed class WithoutSelftests(IKernelSupplier kernels) : IKernelSupplier
{
    public async Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken) =>
        await kernels.GetAsync(source, cancellationToken) with { SelftestsDirectory = null };
}
