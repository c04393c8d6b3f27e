using System.Diagnostics;
using Harness.Storage;

namespace Harness.KernelBuild;

/// <summary>
/// Builds whatever commit a git work tree has checked out, in place: make reads the tree itself and
/// writes to one persistent O= folder per (tree, fragment, compiler) (see <see cref="InPlaceLayout"/>).
/// git checkout gives the files it changes a new modification time, so make recompiles those and
/// what depends on them, and nothing else. <see cref="KernelBuilder"/> instead copies a pristine
/// source per identity, which for a bisect would be a cold build (minutes) at every commit.
/// </summary>
/// <param name="jobs">make -j: the machine's processors unless the caller shares them.</param>
/// <param name="progress">Receives the build step now and then (see <see cref="MakeRunner"/>); called from background threads too.</param>
public sealed class InPlaceBuilder(string cacheRoot, int jobs, Action<string> progress)
{
    public InPlaceBuilder(string cacheRoot, Action<string> progress) : this(cacheRoot, Environment.ProcessorCount, progress) { }

    /// <summary>The folder the tree builds in, with this fragment and the compiler on PATH.</summary>
    public async Task<InPlaceLayout> LayoutAsync(string treePath, string fragmentPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(fragmentPath))
            throw new KernelBuildException($"config fragment {fragmentPath} does not exist");
        var fragment = await File.ReadAllBytesAsync(fragmentPath, cancellationToken);
        return new InPlaceLayout(Path.GetFullPath(cacheRoot), Path.GetFullPath(treePath), fragment,
            await CompilerVersion.FirstLineAsync(cacheRoot, cancellationToken));
    }

    /// <exception cref="KernelBuildException">The commit does not configure or build; make's last error line says why.</exception>
    public async Task<InPlaceBuildResult> BuildAsync(string treePath, string fragmentPath, CancellationToken cancellationToken)
    {
        var layout = await LayoutAsync(treePath, fragmentPath, cancellationToken);
        var fragment = ParseFragment(fragmentPath, layout.Fragment);
        Directory.CreateDirectory(layout.ObjectDirectory);
        using (await CacheLock.AcquireAsync(layout.LockFile, () => progress($"waiting for another build of the same tree ({layout.LockFile})"), cancellationToken))
        {
            var clock = Stopwatch.StartNew();
            await AtomicFile.WriteAllTextAsync(layout.TreeNote, layout.TreePath + "\n", cancellationToken);
            // A stale image must never be booted as this commit's: a build that fails leaves none.
            // (File.Delete throws when the folder is missing, as before the first build.)
            if (File.Exists(layout.BuiltImage))
                File.Delete(layout.BuiltImage);
            await using var log = new StreamWriter(layout.LogPath, append: false);
            var make = new MakeRunner(layout.Make, jobs, progress, log);
            await ConfigureAsync(layout, make, fragmentPath, fragment, cancellationToken);
            progress($"building bzImage with make -j{jobs}");
            await make.RunAsync(["bzImage"], cancellationToken);
            if (!File.Exists(layout.BuiltImage))
                throw new KernelBuildException($"make bzImage succeeded but left no {layout.BuiltImage}");
            return new InPlaceBuildResult(layout.BuiltImage, clock.Elapsed.TotalSeconds, layout.LogPath);
        }
    }

    /// <summary>
    /// tinyconfig plus the fragment once per folder; after that olddefconfig at every commit, since
    /// a commit may add or drop Kconfig symbols, and the fragment is checked again each time.
    /// </summary>
    static async Task ConfigureAsync(InPlaceLayout layout, MakeRunner make, string fragmentPath, ConfigFragment fragment, CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.ConfigPath))
        {
            await make.RunAsync(["tinyconfig"], cancellationToken);
            var merged = ConfigMerge.Merge(await File.ReadAllTextAsync(layout.ConfigPath, cancellationToken), fragment.Options);
            await File.WriteAllTextAsync(layout.ConfigPath, merged, cancellationToken);
        }
        await make.RunAsync(["olddefconfig"], cancellationToken);
        var lost = FragmentCheck.Lost(fragment, KconfigText.Values(await File.ReadAllTextAsync(layout.ConfigPath, cancellationToken)));
        if (lost.Count > 0)
            throw new KernelBuildException($"options of {fragmentPath} did not survive olddefconfig at this commit: {string.Join(", ", lost)}");
    }

    static ConfigFragment ParseFragment(string fragmentPath, byte[] bytes)
    {
        try
        {
            return ConfigFragment.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (FormatException e)
        {
            throw new KernelBuildException($"{fragmentPath}: {e.Message}");
        }
    }
}
