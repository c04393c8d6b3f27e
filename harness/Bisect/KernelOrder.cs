using Harness.Config;
using Harness.Kernels;
using Harness.Judging;
using Harness.Records;
using Harness.Running;

namespace Harness.Bisect;

/// <summary>
/// Puts a matrix's kernels in version order for a matrix bisect: each image is fetched or built as
/// a run would (from the cache when it is there) and its release read from its boot header, since
/// a Debian meta-package, a build or a CI artifact given by path only says its version once it is
/// an image. Equal releases (a patched twin of the same source) keep the matrix's order.
/// </summary>
public static class KernelOrder
{
    public static async Task<IReadOnlyList<OrderedKernel>> OfAsync(Matrix matrix, IKernelSupplier kernels, Action<string> log, CancellationToken cancellationToken)
    {
        var found = new List<OrderedKernel>();
        foreach (var entry in matrix.Kernels)
        {
            var image = await kernels.GetAsync(entry.Source, cancellationToken);
            var release = await KernelRelease.ReadAsync(image.ImagePath, cancellationToken)
                ?? throw new BisectInputException($"{matrix.FilePath}: kernel {entry.Name}: its image {image.ImagePath} carries no version string, so it has no place in version order");
            log($"{entry.Name}: {release}");
            found.Add(new OrderedKernel(entry, release));
        }
        return Sort(found);
    }

    /// <summary>By release as a version; a stable sort, so equal releases stay in the order given.</summary>
    public static IReadOnlyList<OrderedKernel> Sort(IEnumerable<OrderedKernel> kernels) =>
        kernels.OrderBy(k => k.Release, ReleaseOrder.Instance).ToList();
}
