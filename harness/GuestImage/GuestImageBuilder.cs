using System.Diagnostics;
using Harness.Storage;

namespace Harness.GuestImage;

/// <summary>
/// Builds the guest initramfs (static busybox, NativeAOT guest, its shared libraries, /init) into
/// <c>&lt;cache&gt;/guest/&lt;hash&gt;/initramfs.cpio.gz</c>, or reuses it when the inputs are unchanged.
/// </summary>
/// <param name="repoRoot">Repository root holding guest/ and protocol/.</param>
/// <param name="cacheRoot">The harness cache folder.</param>
/// <param name="progress">Receives one line per step, for the user.</param>
public sealed class GuestImageBuilder(string repoRoot, string cacheRoot, Action<string> progress) : IGuestImageSupplier
{
    public const string ImageFileName = "initramfs.cpio.gz";

    /// <exception cref="GuestBuildException">Publishing failed, or busybox or a library is missing.</exception>
    public async Task<GuestImage> BuildAsync(CancellationToken ct)
    {
        var busybox = StaticBusybox.Load();
        var sdkVersion = await DotnetSdk.GetVersionAsync(repoRoot, new ToolVersionCache(cacheRoot), ct);
        var hash = GuestContentHash.Compute(repoRoot, InitScript.Text, busybox, sdkVersion);
        var entry = new GuestCacheEntry(cacheRoot, hash);
        if (await CachedFile.CheckAsync(entry.ImagePath, ct) == CachedFileState.Intact)
            return Cached(entry);

        // Two runs on one cache would both publish into publish-<hash> (each emptying it first) and
        // both write the image: one builds, the other waits and then takes it from the cache.
        using (await CacheLock.AcquireAsync(entry.LockPath, () => progress($"guest image {hash}: waiting for another run building it"), ct))
        {
            switch (await CachedFile.CheckAsync(entry.ImagePath, ct))
            {
                case CachedFileState.Intact:
                    return Cached(entry);
                case CachedFileState.Damaged:
                    progress($"guest image {hash}: the cached image does not match its recorded SHA-256; building it again");
                    CachedFile.Remove(entry.ImagePath);
                    break;
            }
            return await BuildUnderLockAsync(entry, sdkVersion, busybox, ct);
        }
    }

    GuestImage Cached(GuestCacheEntry entry)
    {
        progress($"guest image {entry.Hash}: cached");
        return new GuestImage(entry.ImagePath, entry.Hash, FromCache: true);
    }

    async Task<GuestImage> BuildUnderLockAsync(GuestCacheEntry entry, string sdkVersion, byte[] busybox, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(entry.Folder);
        progress($"guest image {entry.Hash}: publishing the guest (NativeAOT, SDK {sdkVersion})");
        var binary = await new GuestPublisher(repoRoot).PublishAsync(entry.PublishFolder, entry.PublishLog, ct);

        var libraries = await new SharedLibraryResolver().ResolveAsync(binary, ct);
        progress($"guest image {entry.Hash}: libraries {string.Join(", ", libraries.Select(l => l.GuestPath))}");
        var entries = InitramfsLayout.Compose(
            InitScript.Text,
            busybox,
            await File.ReadAllBytesAsync(binary, ct),
            libraries.Select(library => (library.GuestPath, File.ReadAllBytes(library.HostFile))));
        InitramfsFile.WriteAtomically(entry.ImagePath, entries);
        await CachedFile.RecordAsync(entry.ImagePath, ct);

        progress($"guest image {entry.Hash}: {new FileInfo(entry.ImagePath).Length / 1024} KiB in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return new GuestImage(entry.ImagePath, entry.Hash, FromCache: false);
    }
}
