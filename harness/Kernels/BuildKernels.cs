using Harness.Config;
using Harness.KernelBuild;
using Harness.Kernels.Debian;

namespace Harness.Kernels;

/// <summary>
/// A kernel built from source: finds the source (Debian's linux-source package, or a directory), names
/// it, and hands it to the <see cref="KernelBuilder"/>, which reuses a cached image when it has one.
/// </summary>
public sealed class BuildKernels(KernelBuilder builder, DebianSourceFetcher debianSources)
{
    public async Task<KernelImage> GetAsync(BuildKernelSource source, CancellationToken ct)
    {
        var (tree, identity) = source.Tree switch
        {
            DebianSourceTree debian => await DebianAsync(debian, ct),
            LocalSourceTree local => (local.DirectoryPath, await LocalTreeIdentity.ComputeAsync(local.DirectoryPath, ct)),
            _ => throw new KernelAcquisitionException($"no way to get the source {source.Tree.Describe()}"),
        };
        var request = new KernelBuildRequest(tree, identity, source.ConfigPath, source.PatchPaths, source.Selftests);
        var result = await builder.BuildAsync(request, ct);
        var origin = source.Tree is DebianSourceTree debianTree ? KernelProvenance.FromDebian(identity, debianTree.Suite) : KernelProvenance.FromTree(identity);
        return new KernelImage(result.ImagePath, $"{identity} build {result.Key[..12]}", result.FromCache, result.Info, result.SelftestsDirectory,
            origin with
            {
                PatchSha256s = result.Inputs?.Patches.Select(Sha256).ToList() ?? [],
                FragmentSha256 = result.Inputs is { } inputs ? Sha256(inputs.Fragment) : null,
                Compiler = result.Inputs?.Compiler,
                BuildKey = result.Key,
            });
    }

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>The unpacked pristine source of Debian's package (downloaded and unpacked into the cache when not there yet).</summary>
    public async Task<string> UnpackedSourceAsync(DebianSourceTree debian, CancellationToken ct)
    {
        var (tarball, identity) = await DebianAsync(debian, ct);
        return await builder.EnsurePristineSourceAsync(tarball, identity, ct);
    }

    async Task<(string Tree, string Identity)> DebianAsync(DebianSourceTree debian, CancellationToken ct)
    {
        var identity = await debianSources.ResolveIdentityAsync(debian, ct);
        // A source already unpacked in the build cache is never read again: no 150 MB download for it.
        var tarball = builder.HasPristineSource(identity)
            ? "(unpacked in the build cache)"
            : await debianSources.GetTarballAsync(debian, identity, ct);
        return (tarball, identity);
    }
}
