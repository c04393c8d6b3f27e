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

/// <summary>A bzImage on disk, given as an absolute path or one relative to the matrix file.</summary>
public sealed record PathKernelSource(string ImagePath) : KernelSource
{
    public override string Describe() => $"path {ImagePath}";
}
