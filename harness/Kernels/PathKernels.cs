using Harness.Config;
using Harness.Storage;

namespace Harness.Kernels;

/// <summary>A user's own bzImage: found relative to the matrix file, checked, identified by its hash.</summary>
public static class PathKernels
{
    public static string ResolvePath(PathKernelSource source, string matrixDirectory) =>
        Path.GetFullPath(source.ImagePath, Path.GetFullPath(matrixDirectory));

    public static async Task<KernelImage> GetAsync(PathKernelSource source, string matrixDirectory, CancellationToken ct)
    {
        var path = ResolvePath(source, matrixDirectory);
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
