using System.Diagnostics;

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
            await CompilerVersion.FirstLineAsync(cancellationToken));
        var layout = new BuildLayout(Path.GetFullPath(cacheRoot), inputs);

        if (File.Exists(layout.ImagePath))
            return new(layout.ImagePath, inputs.ImageKey, FromCache: true, clock.Elapsed, layout.LogPath);

        Directory.CreateDirectory(layout.TreeRoot);
        using (await TreeLock.AcquireAsync(layout.LockFile, progress, cancellationToken))
        {
            // Another process may have built the same image while this one waited for the lock.
            if (File.Exists(layout.ImagePath))
                return new(layout.ImagePath, inputs.ImageKey, FromCache: true, clock.Elapsed, layout.LogPath);
            Directory.CreateDirectory(layout.ImageDirectory);
            await using var log = new StreamWriter(layout.LogPath, append: false);
            var fragment = KconfigText.Parse(System.Text.Encoding.UTF8.GetString(fragmentBytes));
            await BuildInTreeAsync(request, layout, fragmentPath, fragment, patches, log, cancellationToken);
        }
        return new(layout.ImagePath, inputs.ImageKey, FromCache: false, clock.Elapsed, layout.LogPath);
    }

    async Task BuildInTreeAsync(KernelBuildRequest request, BuildLayout layout, string fragmentPath,
        IReadOnlyList<ConfigOption> fragment, IReadOnlyList<PatchFile> patches, TextWriter log, CancellationToken cancellationToken)
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

        var make = new MakeRunner(layout, jobs, progress, log);
        await new KernelConfigurer(layout, make, progress).EnsureAsync(fragmentPath, fragment, cancellationToken);
        progress($"building bzImage with make -j{jobs}");
        await make.RunAsync(["bzImage"], cancellationToken);

        // Copied (not linked) because the next build in this tree overwrites arch/x86/boot/bzImage;
        // the image appears under its final name only when complete, as the cache check relies on.
        File.Copy(Path.Combine(layout.ObjectDirectory, ".config"), layout.ConfigCopy, overwrite: true);
        var partial = layout.ImagePath + ".partial";
        File.Copy(layout.BuiltImage, partial, overwrite: true);
        File.Move(partial, layout.ImagePath, overwrite: true);
    }

    static async Task<byte[]> ReadAsync(string path, string what, CancellationToken cancellationToken) =>
        File.Exists(path)
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : throw new KernelBuildException($"{what} {path} does not exist");
}
