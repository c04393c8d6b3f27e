namespace Harness.Config;

/// <summary>Where a kernel image comes from.</summary>
public abstract record KernelSource
{
    /// <summary>A one-line description for tables and logs.</summary>
    public abstract string Describe();
}

/// <summary>A kernel package of a Debian suite, fetched with apt. A meta-package resolves to the concrete one.</summary>
public sealed record DebianKernelSource(string Package, string Suite) : KernelSource
{
    public override string Describe() => $"debian {Suite}/{Package}";
}

/// <summary>
/// A bzImage on disk. The path is absolute: a relative one in the matrix file is resolved against the
/// file's folder, and checked to exist, when the file is read.
/// </summary>
public sealed record PathKernelSource(string ImagePath) : KernelSource
{
    public override string Describe() => $"path {ImagePath}";
}

/// <summary>
/// A kernel built from source: tinyconfig with a fragment merged over it, and patches applied in order.
/// Paths are absolute (resolved against the matrix file's directory when it was read).
/// </summary>
/// <param name="Selftests">Also build the tree's rseq selftests and run them in the guest after the scenarios.</param>
public sealed record BuildKernelSource(
    KernelSourceTree Tree,
    string ConfigPath,
    IReadOnlyList<string> PatchPaths,
    bool Selftests) : KernelSource
{
    public override string Describe()
    {
        var patches = PatchPaths.Count switch
        {
            0 => "",
            1 => $" + {Path.GetFileName(PatchPaths[0])}",
            var n => $" + {n} patches",
        };
        return $"build {Tree.Describe()}{patches}";
    }
}

/// <summary>The source tree a <see cref="BuildKernelSource"/> is built from.</summary>
public abstract record KernelSourceTree
{
    public abstract string Describe();
}

/// <summary>Debian's <c>linux-source-X</c> package of a suite: its <c>usr/src/linux-source-X.tar.xz</c>.</summary>
public sealed record DebianSourceTree(string Package, string Suite) : KernelSourceTree
{
    public override string Describe() => $"{Suite}/{Package}";
}

/// <summary>A kernel source directory on disk (a git work tree or an unpacked tarball), absolute.</summary>
public sealed record LocalSourceTree(string DirectoryPath) : KernelSourceTree
{
    public override string Describe() => DirectoryPath;
}
