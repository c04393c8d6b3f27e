using CliWrap;
using Harness.Storage;

namespace Harness.KernelBuild;

/// <summary>
/// Puts the source in the cache once (pristine, never modified) and gives each build tree a hard-link
/// copy of it: seconds and no disk space for a million-line tree. Patching breaks the links of the
/// files it touches first (see <see cref="PatchStack"/>), so the pristine copy stays pristine.
/// </summary>
sealed class SourceTrees(Action<string> progress)
{
    public async Task EnsurePristineAsync(string source, BuildLayout layout, CancellationToken cancellationToken)
    {
        if (File.Exists(layout.PristineMarker))
            return;
        // The pristine copy is shared by every tree of the source (each fragment has its own tree and
        // tree lock): two runs building one source with two fragments would unpack into one .partial.
        using (await CacheLock.AcquireAsync(layout.PristineLock, () => progress($"waiting for another unpack of the same source ({layout.PristineLock})"), cancellationToken))
        {
            if (!File.Exists(layout.PristineMarker))
                await UnpackPristineAsync(source, layout, cancellationToken);
        }
    }

    async Task UnpackPristineAsync(string source, BuildLayout layout, CancellationToken cancellationToken)
    {
        var partial = layout.PristineSource + ".partial";
        DeleteDirectory(partial);
        DeleteDirectory(layout.PristineSource);
        Directory.CreateDirectory(partial);

        if (Directory.Exists(source))
        {
            progress($"copying {source} into the build cache");
            await CopyDirectoryAsync(source, partial, cancellationToken);
        }
        else if (File.Exists(source))
        {
            progress($"unpacking {Path.GetFileName(source)} into the build cache");
            // Kernel tarballs hold one top folder (linux-source-5.10/); tar recognises the compression itself.
            await BuildTool.RunAsync("tar", ["-xf", source, "-C", partial, "--strip-components=1"], null, cancellationToken);
        }
        else
            throw new KernelBuildException($"kernel source {source} does not exist");

        if (!File.Exists(Path.Combine(partial, "Makefile")) || !Directory.Exists(Path.Combine(partial, "kernel")))
            throw new KernelBuildException($"{source} does not look like a kernel source tree (no Makefile and kernel/ at its top)");
        Directory.Move(partial, layout.PristineSource);
        await AtomicFile.WriteAllTextAsync(layout.PristineMarker, layout.Inputs.SourceIdentity + "\n", cancellationToken);
    }

    public async Task EnsureTreeAsync(BuildLayout layout, CancellationToken cancellationToken)
    {
        if (File.Exists(layout.TreeMarker))
            return;
        Reset(layout);
        progress("linking a build tree to the pristine source");
        await BuildTool.RunAsync("cp", ["-al", layout.PristineSource, layout.TreeSource], null, cancellationToken);
        await AtomicFile.WriteAllTextAsync(layout.TreeMarker, "", cancellationToken);
    }

    /// <summary>
    /// Forgets a build tree, objects included: make judges by timestamps, and files restored from the
    /// pristine copy carry old ones, so objects built from patched files would look up to date.
    /// </summary>
    public static void Reset(BuildLayout layout)
    {
        File.Delete(layout.TreeMarker);
        File.Delete(layout.ConfigMarker);
        DeleteDirectory(layout.TreeSource);
        DeleteDirectory(layout.ObjectDirectory);
        DeleteDirectory(layout.AppliedPatches);
    }

    // tar rather than cp so a git work tree's .git (gigabytes, irrelevant to the build) stays behind.
    // Two programs joined by a pipe, the one thing Processes/Tool does not do: CliWrap's pipe, here only.
    static async Task CopyDirectoryAsync(string from, string to, CancellationToken cancellationToken)
    {
        var pack = Cli.Wrap("tar").WithArguments(["-C", from, "--exclude-vcs", "-cf", "-", "."]);
        var unpack = Cli.Wrap("tar").WithArguments(["-C", to, "-xf", "-"]);
        try
        {
            await (pack | unpack).ExecuteAsync(cancellationToken);
        }
        catch (CliWrap.Exceptions.CommandExecutionException e)
        {
            throw new KernelBuildException($"copying {from} failed: {e.Message.Split('\n')[0]}");
        }
    }

    static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }
}
