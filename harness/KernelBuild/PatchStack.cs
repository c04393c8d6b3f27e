namespace Harness.KernelBuild;

/// <summary>
/// Keeps a build tree's source patched with exactly the requested patches. The tree remembers what is
/// applied (copies of the patches, in order); switching reverts the patches past the common prefix and
/// applies the new ones, so only the files those patches touch get new timestamps and make recompiles
/// only what depends on them.
/// </summary>
sealed class PatchStack(BuildLayout layout, Action<string> progress)
{
    public async Task SwitchToAsync(IReadOnlyList<PatchFile> wanted, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.AppliedPatches);
        // A leftover means an earlier run stopped mid-patch: the files may or may not carry it.
        if (Directory.GetFiles(layout.AppliedPatches, "*.pending").Length > 0)
            throw new TreeOutOfStepException("an earlier build stopped while patching");
        var applied = Directory.GetFiles(layout.AppliedPatches, "*.patch").Order(StringComparer.Ordinal).ToList();
        var common = 0;
        while (common < applied.Count && common < wanted.Count
               && (await File.ReadAllBytesAsync(applied[common], cancellationToken)).AsSpan().SequenceEqual(wanted[common].Bytes))
            common++;

        for (var i = applied.Count - 1; i >= common; i--)
        {
            var patch = new PatchFile(applied[i], await File.ReadAllBytesAsync(applied[i], cancellationToken));
            progress($"reverting {Path.GetFileName(applied[i])} from the build tree");
            if (await TryApplyAsync(patch, reverse: true, cancellationToken) is { } failure)
                throw new TreeOutOfStepException($"the build tree no longer matches {applied[i]} ({failure})");
            File.Delete(applied[i]);
        }

        for (var i = common; i < wanted.Count; i++)
        {
            progress($"applying {Path.GetFileName(wanted[i].Path)}");
            // Applied from the tree's own copy of the bytes the key was computed from, so the record
            // cannot differ from what was applied even if the file changes meanwhile.
            var record = Path.Combine(layout.AppliedPatches, $"{i:D4}.patch");
            var pending = record + ".pending";
            await File.WriteAllBytesAsync(pending, wanted[i].Bytes, cancellationToken);
            if (await TryApplyAsync(wanted[i] with { Path = pending }, reverse: false, cancellationToken) is { } failure)
            {
                File.Delete(pending);
                throw new KernelBuildException($"patch {wanted[i].Path} does not apply to {layout.Inputs.SourceIdentity} with patch -p1: {failure}");
            }
            File.Move(pending, record);
        }
    }

    // A dry run first, so a patch that does not apply leaves the tree untouched and the record true.
    // Returns why the patch does not apply, or null once it is applied.
    async Task<string?> TryApplyAsync(PatchFile patch, bool reverse, CancellationToken cancellationToken)
    {
        // --forward: never guess that a patch is reversed and silently undo it; --batch: never ask.
        List<string> arguments = ["-p1", "--forward", "--batch", "--no-backup-if-mismatch", "-i", patch.Path];
        if (reverse)
            arguments.Add("--reverse");
        if (await BuildTool.TryRunAsync("patch", [.. arguments, "--dry-run"], layout.TreeSource, cancellationToken) is { } failure)
            return failure;
        BreakHardLinks(patch);
        await BuildTool.RunAsync("patch", [.. arguments, "--quiet"], layout.TreeSource, cancellationToken);
        return null;
    }

    void BreakHardLinks(PatchFile patch)
    {
        foreach (var target in patch.TargetFiles())
        {
            var path = Path.Combine(layout.TreeSource, target);
            if (!File.Exists(path))
                continue;
            var copy = path + ".unlinked";
            File.Copy(path, copy, overwrite: true);
            File.Move(copy, path, overwrite: true);
        }
    }
}
