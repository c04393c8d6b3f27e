using System.Globalization;
using Harness.Config;
using Harness.Kernels.Pvh;
using Harness.Storage;

namespace Harness.Kernels.Debian;

/// <summary>
/// Gets a Debian kernel: refreshes the suite's private lists when they are old, resolves the package,
/// and downloads only what the cache lacks.
/// </summary>
/// <param name="suites">The per-suite apt states, shared with the source fetcher.</param>
public sealed class DebianKernelFetcher(string cacheRoot, SuiteApt suites, TimeProvider time, Action<string> log)
{
    private readonly DebianKernelCache _cache = new(cacheRoot);

    public async Task<KernelImage> GetAsync(DebianKernelSource source, CancellationToken ct)
    {
        if (!KernelPackageRules.IsSafeName(source.Suite) || !KernelPackageRules.IsSafeName(source.Package))
            throw new KernelAcquisitionException($"'{source.Suite}/{source.Package}' is not a valid Debian suite and package name");

        var (image, identity, fromCache) = await suites.UseAsync(source.Suite, suite => AcquireAsync(suite, source, ct), ct);
        // Unpacked once per cache entry: the image's folder is the harness's own. Outside the suite's
        // lock, as it needs no apt; two runs that unpack at once each rename a whole file into place.
        var pvh = await PvhImage.GetOrUnpackAsync(image, log, ct);
        return new KernelImage(image, identity, fromCache, Provenance: KernelProvenance.FromDebian(identity, source.Suite), PvhImagePath: pvh);
    }

    private async Task<(string Image, string Identity, bool FromCache)> AcquireAsync(SuiteApt.Session suite, DebianKernelSource source, CancellationToken ct)
    {
        var label = $"{source.Suite}/{source.Package}";
        var apt = suite.Apt;

        if (!suite.ListsAreFresh)
        {
            // Old lists may still name a cached image: that is the fallback when the archive cannot be reached.
            var fallback = suite.ListsUpdatedAt is null ? null : await TryCachedAsync(apt, source, ct);
            log($"{label}: updating apt lists of {source.Suite} …");
            try
            {
                await suite.UpdateListsAsync(ct);
            }
            catch (KernelAcquisitionException e) when (fallback is not null)
            {
                log($"{label}: {e.Message}; using cached {fallback.Value.Identity}");
                return fallback.Value;
            }
        }

        var resolved = await ResolutionMemo.TryReadAsync(suite.State, source, ct);
        if (resolved is null)
        {
            resolved = await DebianKernelResolver.ResolveAsync(apt, source, ct);
            await ResolutionMemo.WriteAsync(suite.State, source, resolved, ct);
        }
        if (await _cache.TryGetImageAsync(resolved.Package, resolved.Version, ct) is { } cachedImage)
        {
            log($"{label}: {resolved.Package} {resolved.Version} (cached)");
            return (cachedImage, resolved.Identity, true);
        }

        log($"{label}: fetching {resolved.ImagePackage} {resolved.ImageVersion}{DescribeSize(resolved.ImageDebSize)} …");
        var image = await DownloadAsync(apt, resolved, ct);
        return (image, resolved.Identity, false);
    }

    private async Task<(string Image, string Identity, bool FromCache)?> TryCachedAsync(AptClient apt, DebianKernelSource source, CancellationToken ct)
    {
        try
        {
            var resolved = await DebianKernelResolver.ResolveAsync(apt, source, ct);
            return await _cache.TryGetImageAsync(resolved.Package, resolved.Version, ct) is { } image
                ? (image, resolved.Identity, true)
                : null;
        }
        catch (KernelAcquisitionException)
        {
            return null;
        }
    }

    private async Task<string> DownloadAsync(AptClient apt, ResolvedDebianKernel resolved, CancellationToken ct)
    {
        var staging = _cache.CreateStagingDirectory();
        try
        {
            await apt.DownloadAsync(resolved.ImagePackage, resolved.ImageVersion, staging, ct);
            var deb = Directory.GetFiles(staging, "*.deb").SingleOrDefault()
                ?? throw new KernelAcquisitionException($"apt-get download of {resolved.ImagePackage} {resolved.ImageVersion} left no .deb");
            // apt already checked the .deb against the signed index; the hash is kept as provenance.
            var debSha256 = await FileSha256.ComputeAsync(deb, ct);

            var image = DebianKernelCache.StagedImagePath(staging);
            var member = await DebExtractor.ExtractKernelImageAsync(deb, image, ct)
                ?? throw new KernelAcquisitionException(
                    $"{resolved.ImagePackage} {resolved.ImageVersion} holds no vmlinuz under boot/ or usr/lib/modules/");
            if (await BzImage.ProblemAsync(image, ct) is { } problem)
                throw new KernelAcquisitionException($"{member} in {resolved.ImagePackage} {resolved.ImageVersion} is not a bzImage ({problem})");
            File.Delete(deb);

            var meta = new DebianKernelMeta(
                resolved.Package, resolved.Version, resolved.Suite, resolved.ImagePackage, resolved.ImageVersion,
                member, debSha256, await FileSha256.ComputeAsync(image, ct), time.GetUtcNow());
            return await _cache.CommitAsync(staging, meta, ct);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    private static string DescribeSize(long? bytes) =>
        bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $" ({b / 1e6:0.0} MB)") : "";
}
