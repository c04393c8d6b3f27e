using System.Diagnostics;
using Harness.Storage;

namespace Harness.KernelBuild;

/// <summary>
/// Builds a bzImage from a kernel source, a config fragment and patches, out of tree, in the cache.
/// An image is built once per <see cref="BuildInputs.ImageKey"/>; a different patch set for the same
/// source and fragment reuses the build tree, so make recompiles only what the patches touch.
/// </summary>
/// <param name="cacheRoot">The harness's cache folder; builds go under build/ and kernels/build/.</param>
/// <param name="jobs">make -j: the machine's processors unless the caller shares them.</param>
/// <param name="progress">Receives one line now and then: the build step, or the latest make line (every 5 s at most). Called from background threads too.</param>
public sealed class KernelBuilder(string cacheRoot, int jobs, Action<string> progress)
{
    public KernelBuilder(string cacheRoot, Action<string> progress) : this(cacheRoot, Environment.ProcessorCount, progress) { }

    public async Task<KernelBuildResult> BuildAsync(KernelBuildRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var fragmentPath = Path.GetFullPath(request.FragmentPath);
        var fragmentBytes = await ReadAsync(fragmentPath, "config fragment", cancellationToken);
        var patches = new List<PatchFile>();
        foreach (var patchPath in request.PatchPaths.Select(Path.GetFullPath))
            patches.Add(new(patchPath, await ReadAsync(patchPath, "patch", cancellationToken)));
        var inputs = new BuildInputs(request.SourceIdentity, fragmentBytes, patches.Select(p => p.Bytes).ToList(),
            await CompilerVersion.FirstLineAsync(cacheRoot, cancellationToken));
        var layout = new BuildLayout(Path.GetFullPath(cacheRoot), inputs);

        if (await IsCompleteAsync(layout, request, cancellationToken))
            return Result(layout, request, FromCache: true, clock.Elapsed);

        Directory.CreateDirectory(layout.TreeRoot);
        using (await CacheLock.AcquireAsync(layout.LockFile, () => progress($"waiting for another build of the same tree ({layout.LockFile})"), cancellationToken))
        {
            // Another process may have built the same image while this one waited for the lock.
            if (await IsCompleteAsync(layout, request, cancellationToken))
                return Result(layout, request, FromCache: true, clock.Elapsed);
            Directory.CreateDirectory(layout.ImageDirectory);
            var fragment = ParseFragment(fragmentPath, fragmentBytes);
            var imageWasCached = await CachedFile.CheckAsync(layout.ImagePath, cancellationToken) switch
            {
                CachedFileState.Intact => true,
                CachedFileState.Damaged => Discard(layout),
                _ => false,
            };
            if (!imageWasCached)
            {
                await using var log = new StreamWriter(layout.LogPath, append: false);
                await BuildInTreeAsync(request, layout, fragmentPath, fragment, patches, log, cancellationToken);
                await AtomicFile.WriteAllTextAsync(layout.BuildSecondsFile,
                    clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "\n", cancellationToken);
            }
            if (request.Selftests && !SelftestBuilder.IsBuilt(layout))
            {
                // The image may come from a build that did not ask for selftests: the tree is brought
                // to the same patches (no make of the kernel) before they are built from it.
                await using var log = new StreamWriter(layout.SelftestsLogPath, append: false);
                await PrepareTreeAsync(request, layout, patches, cancellationToken);
                var make = new MakeRunner(layout, jobs, progress, log);
                await new KernelConfigurer(layout, make, progress).EnsureAsync(fragmentPath, fragment, cancellationToken);
                await new SelftestBuilder(layout, make, progress, log).BuildAsync(cancellationToken);
            }
            // Building only the selftests for a cached image still counts as a cached image.
            return Result(layout, request, FromCache: imageWasCached, clock.Elapsed);
        }
    }

    /// <summary>
    /// True when the cache holds the pristine source of <paramref name="sourceIdentity"/>: a caller
    /// that would have to download the source (Debian's linux-source) can then pass its cache path
    /// without fetching it, since the source is only read to make the pristine copy.
    /// </summary>
    public bool HasPristineSource(string sourceIdentity) =>
        File.Exists(new BuildLayout(Path.GetFullPath(cacheRoot), new BuildInputs(sourceIdentity, [], [], "")).PristineMarker);

    /// <summary>
    /// The pristine unpacked source of <paramref name="sourceIdentity"/>, unpacking <paramref name="source"/>
    /// into the cache first when it is not there: what a caller that wants the source itself (the
    /// bisect's test history) starts from, got the way a build gets it.
    /// </summary>
    public async Task<string> EnsurePristineSourceAsync(string source, string sourceIdentity, CancellationToken cancellationToken)
    {
        var layout = new BuildLayout(Path.GetFullPath(cacheRoot), new BuildInputs(sourceIdentity, [], [], ""));
        await new SourceTrees(progress).EnsurePristineAsync(Path.GetFullPath(source), layout, cancellationToken);
        return layout.PristineSource;
    }

    static ConfigFragment ParseFragment(string fragmentPath, byte[] fragmentBytes)
    {
        try
        {
            return ConfigFragment.Parse(System.Text.Encoding.UTF8.GetString(fragmentBytes));
        }
        catch (FormatException e)
        {
            throw new KernelBuildException($"{fragmentPath}: {e.Message}");
        }
    }

    static async Task<bool> IsCompleteAsync(BuildLayout layout, KernelBuildRequest request, CancellationToken cancellationToken) =>
        await CachedFile.CheckAsync(layout.ImagePath, cancellationToken) == CachedFileState.Intact
        && (!request.Selftests || SelftestBuilder.IsBuilt(layout));

    /// <summary>A cached image that no longer matches its hash is never booted: it goes, and is built again.</summary>
    bool Discard(BuildLayout layout)
    {
        progress($"the cached {layout.ImagePath} does not match its recorded SHA-256; building it again");
        CachedFile.Remove(layout.ImagePath);
        return false;
    }

    static KernelBuildResult Result(BuildLayout layout, KernelBuildRequest request, bool FromCache, TimeSpan elapsed) =>
        new(layout.ImagePath, layout.Inputs.ImageKey, FromCache, elapsed, layout.LogPath,
            request.Selftests ? layout.SelftestsDirectory : null, ReadBuildSeconds(layout), layout.Inputs);

    static double? ReadBuildSeconds(BuildLayout layout) =>
        File.Exists(layout.BuildSecondsFile)
        && double.TryParse(File.ReadAllText(layout.BuildSecondsFile).Trim(), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;

    async Task PrepareTreeAsync(KernelBuildRequest request, BuildLayout layout, IReadOnlyList<PatchFile> patches, CancellationToken cancellationToken)
    {
        var sources = new SourceTrees(progress);
        await sources.EnsurePristineAsync(Path.GetFullPath(request.Source), layout, cancellationToken);
        await sources.EnsureTreeAsync(layout, cancellationToken);
        try
        {
            await new PatchStack(layout, progress).SwitchToAsync(patches, cancellationToken);
        }
        catch (TreeOutOfStepException e)
        {
            progress($"starting the build tree afresh: {e.Message}");
            SourceTrees.Reset(layout);
            await sources.EnsureTreeAsync(layout, cancellationToken);
            await new PatchStack(layout, progress).SwitchToAsync(patches, cancellationToken);
        }
    }

    async Task BuildInTreeAsync(KernelBuildRequest request, BuildLayout layout, string fragmentPath,
        ConfigFragment fragment, IReadOnlyList<PatchFile> patches, TextWriter log, CancellationToken cancellationToken)
    {
        await PrepareTreeAsync(request, layout, patches, cancellationToken);

        var make = new MakeRunner(layout, jobs, progress, log);
        await new KernelConfigurer(layout, make, progress).EnsureAsync(fragmentPath, fragment, cancellationToken);
        progress($"building bzImage with make -j{jobs}");
        await make.RunAsync(["bzImage"], cancellationToken);

        // Copied (not linked) because the next build in this tree overwrites arch/x86/boot/bzImage;
        // the image appears under its final name only when complete, as the cache check relies on.
        await AtomicFile.CopyAsync(Path.Combine(layout.ObjectDirectory, ".config"), layout.ConfigCopy, cancellationToken);
        await AtomicFile.CopyAsync(layout.BuiltImage, layout.ImagePath, cancellationToken);
        await CachedFile.RecordAsync(layout.ImagePath, cancellationToken);
    }

    static async Task<byte[]> ReadAsync(string path, string what, CancellationToken cancellationToken) =>
        File.Exists(path)
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : throw new KernelBuildException($"{what} {path} does not exist");
}
