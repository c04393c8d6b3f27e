namespace Harness.KernelBuild;

/// <summary>
/// Where a build keeps things in the cache:
/// <code>
/// build/&lt;SourceKey&gt;/src                      the pristine source, unpacked once
/// build/&lt;SourceKey&gt;/trees/&lt;TreeKey&gt;/src     a hard-link copy of it that patches are applied to
/// build/&lt;SourceKey&gt;/trees/&lt;TreeKey&gt;/out     make's O= directory, reused across patch sets
/// build/&lt;SourceKey&gt;/trees/&lt;TreeKey&gt;/applied the patches applied to src right now, in order
/// kernels/build/&lt;ImageKey&gt;/bzImage            the result, with its .config and make log
/// kernels/build/&lt;ImageKey&gt;/selftests/         the rseq selftests built from the same tree, when asked
/// </code>
/// </summary>
public sealed record BuildLayout(string CacheRoot, BuildInputs Inputs)
{
    string SourceRoot => Path.Combine(CacheRoot, "build", Inputs.SourceKey);

    public string PristineSource => Path.Combine(SourceRoot, "src");

    /// <summary>Written after the source is fully unpacked, so an interrupted unpack is redone.</summary>
    public string PristineMarker => Path.Combine(SourceRoot, "src.complete");

    /// <summary>Held while the pristine source is unpacked, which every tree of the source shares.</summary>
    public string PristineLock => Path.Combine(SourceRoot, "src.lock");

    public string TreeRoot => Path.Combine(SourceRoot, "trees", Inputs.TreeKey);

    public string TreeSource => Path.Combine(TreeRoot, "src");

    public string TreeMarker => Path.Combine(TreeRoot, "src.complete");

    public string ObjectDirectory => Path.Combine(TreeRoot, "out");

    /// <summary>Written once tinyconfig plus the fragment has gone through olddefconfig.</summary>
    public string ConfigMarker => Path.Combine(TreeRoot, "config.complete");

    public string AppliedPatches => Path.Combine(TreeRoot, "applied");

    public string LockFile => Path.Combine(TreeRoot, "lock");

    public string BuiltImage => Path.Combine(ObjectDirectory, "arch", "x86", "boot", "bzImage");

    public string ImageDirectory => Path.Combine(CacheRoot, "kernels", "build", Inputs.ImageKey);

    public string ImagePath => Path.Combine(ImageDirectory, "bzImage");

    public string ConfigCopy => Path.Combine(ImageDirectory, "config");

    public string LogPath => Path.Combine(ImageDirectory, "build.log");

    /// <summary>How long the build that made the image took, in seconds; shown when the image is reused.</summary>
    public string BuildSecondsFile => Path.Combine(ImageDirectory, "build-seconds");

    public string SelftestsDirectory => Path.Combine(ImageDirectory, "selftests");

    public string SelftestsMarker => Path.Combine(ImageDirectory, "selftests.complete");

    public string SelftestsLogPath => Path.Combine(ImageDirectory, "selftests.log");
}
