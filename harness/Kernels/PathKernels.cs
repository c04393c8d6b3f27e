using Harness.Config;
using Harness.Storage;

namespace Harness.Kernels;

/// <summary>
/// A user's own bzImage, at the absolute path the matrix loader resolved (and found) when it read the
/// file: checked again here, as it may have changed since, and identified by its hash.
/// </summary>
public static class PathKernels
{
    public static async Task<KernelImage> GetAsync(PathKernelSource source, CancellationToken ct)
    {
        var path = source.ImagePath;
        if (Directory.Exists(path))
            throw new KernelAcquisitionException($"kernel image '{path}' is a directory, not a bzImage file");
        if (!File.Exists(path))
            throw new KernelAcquisitionException($"kernel image '{path}' does not exist");
        if (await BzImage.ProblemAsync(path, ct) is { } problem)
            throw new KernelAcquisitionException($"kernel image '{path}' is not a bzImage ({problem})");

        var sha256 = await FileSha256.ComputeAsync(path, ct);
        return new KernelImage(path, $"sha256:{sha256}", FromCache: true, Provenance: new KernelProvenance(ImageSha256: sha256));
    }
}
