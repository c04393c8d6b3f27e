using System.Diagnostics;

namespace Harness.GuestImage;

/// <summary>
/// Builds the guest initramfs (static busybox, NativeAOT guest, its shared libraries, /init) into
/// <c>&lt;cache&gt;/guest/&lt;hash&gt;/initramfs.cpio.gz</c>, or reuses it when the inputs are unchanged.
/// </summary>
/// <param name="repoRoot">Repository root holding guest/ and protocol/.</param>
/// <param name="cacheRoot">The harness cache folder.</param>
/// <param name="progress">Receives one line per step, for the user.</param>
public sealed class GuestImageBuilder(string repoRoot, string cacheRoot, Action<string> progress) : Harness.Running.IGuestImageSupplier
{
    public const string ImageFileName = "initramfs.cpio.gz";

    /// <exception cref="GuestBuildException">Publishing failed, or busybox or a library is missing.</exception>
    public async Task<GuestImage> BuildAsync(CancellationToken ct)
    {
        var busybox = StaticBusybox.Load();
        var sdkVersion = await DotnetSdk.GetVersionAsync(repoRoot, ct);
        var hash = GuestContentHash.Compute(repoRoot, InitScript.Text, busybox, sdkVersion);
        var guestCache = Path.Combine(cacheRoot, "guest");
        var imageFolder = Path.Combine(guestCache, hash);
        var imagePath = Path.Combine(imageFolder, ImageFileName);
        if (File.Exists(imagePath))
        {
            progress($"guest image {hash}: cached");
            return new GuestImage(imagePath, hash, FromCache: true);
        }

        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(imageFolder);
        progress($"guest image {hash}: publishing the guest (NativeAOT, SDK {sdkVersion})");
        var binary = await new GuestPublisher(repoRoot).PublishAsync(
            Path.Combine(guestCache, $"publish-{hash}"), Path.Combine(imageFolder, "publish.log"), ct);

        var libraries = await new SharedLibraryResolver().ResolveAsync(binary, ct);
        progress($"guest image {hash}: libraries {string.Join(", ", libraries.Select(l => l.GuestPath))}");
        var entries = InitramfsLayout.Compose(
            InitScript.Text,
            busybox,
            await File.ReadAllBytesAsync(binary, ct),
            libraries.Select(library => (library.GuestPath, File.ReadAllBytes(library.HostFile))));
        InitramfsFile.WriteAtomically(imagePath, entries);

        progress($"guest image {hash}: {new FileInfo(imagePath).Length / 1024} KiB in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return new GuestImage(imagePath, hash, FromCache: false);
    }
}
