using Harness.Config;

namespace Harness.Kernels.Debian;

/// <summary>Follows a named package to the concrete linux-image and to the package that holds its vmlinuz.</summary>
public static class DebianKernelResolver
{
    public static async Task<ResolvedDebianKernel> ResolveAsync(AptClient apt, DebianKernelSource source, CancellationToken ct)
    {
        // "pkg/suite" pins the suite even where apt's priorities would prefer another (experimental is 1).
        var named = await apt.ShowAsync($"{source.Package}/{source.Suite}", ct)
            ?? throw new KernelAcquisitionException($"kernel package '{source.Package}' not found in {source.Suite}");

        var concrete = KernelPackageRules.ConcreteImageDependency(named) is { } imageDependency
            ? await ShowDependencyAsync(apt, imageDependency, named, source.Suite, ct)
            : named;
        var holder = KernelPackageRules.BinaryDependency(concrete) is { } binaryDependency
            ? await ShowDependencyAsync(apt, binaryDependency, concrete, source.Suite, ct)
            : concrete;

        return new ResolvedDebianKernel(
            source.Suite, concrete.Package, concrete.Version, holder.Package, holder.Version, holder.Size);
    }

    private static async Task<AptPackageRecord> ShowDependencyAsync(
        AptClient apt, AptRelation dependency, AptPackageRecord dependent, string suite, CancellationToken ct)
    {
        var spec = dependency.ExactVersion is { } version ? $"{dependency.Name}={version}" : $"{dependency.Name}/{suite}";
        return await apt.ShowAsync(spec, ct)
            ?? throw new KernelAcquisitionException(
                $"kernel package '{dependency.Name}' (needed by '{dependent.Package}') not found in {suite}");
    }
}
