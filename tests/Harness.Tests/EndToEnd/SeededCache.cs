using Harness.Commands;
using Harness.GuestImage;
using Harness.Storage;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// A cache folder of a test's own that already holds the guest image, copied from the user's cache
/// (where the other fake-QEMU tests build it once): a run on a fresh cache would otherwise spend a
/// minute on a NativeAOT publish that the test is not about.
/// </summary>
static class SeededCache
{
    // The image's hash costs a `dotnet --version` and a read of the guest's sources: once per test run,
    // shared by fixtures running side by side.
    static readonly Lazy<Task<(string Hash, string Image)>> UserCacheImage = new(FindOrBuildAsync);

    public static async Task<string> CreateAsync(string folder)
    {
        var (hash, source) = await UserCacheImage.Value;
        var target = Path.Combine(folder, "guest", hash, GuestImageBuilder.ImageFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target);
        File.Copy(CachedFile.HashPath(source), CachedFile.HashPath(target));
        return folder;
    }

    static async Task<(string Hash, string Image)> FindOrBuildAsync()
    {
        var root = HarnessProcess.RepositoryRoot;
        var hash = GuestContentHash.Compute(root, InitScript.Text, StaticBusybox.Load(), await DotnetSdk.GetVersionAsync(root, CancellationToken.None));
        var userCache = RepositoryLayout.DefaultCache;
        var source = Path.Combine(userCache, "guest", hash, GuestImageBuilder.ImageFileName);
        if (await CachedFile.CheckAsync(source, CancellationToken.None) != CachedFileState.Intact)
            await new GuestImageBuilder(root, userCache, _ => { }).BuildAsync(CancellationToken.None);
        return (hash, source);
    }
}
