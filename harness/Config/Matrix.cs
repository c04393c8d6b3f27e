namespace Harness.Config;

/// <summary>A validated kernels.yaml: the defaults and the kernels, in file order.</summary>
/// <param name="FilePath">The matrix file's absolute path; relative kernel paths are relative to its directory.</param>
public sealed record Matrix(string FilePath, MatrixDefaults Defaults, IReadOnlyList<KernelEntry> Kernels)
{
    /// <summary>The directory that relative <see cref="PathKernelSource"/> paths start from.</summary>
    public string DirectoryPath => Path.GetDirectoryName(FilePath) ?? FilePath;
}
