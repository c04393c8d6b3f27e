namespace Harness.Config;

/// <summary>A validated kernels.yaml: the defaults and the kernels, in file order.</summary>
public sealed record Matrix(string FilePath, MatrixDefaults Defaults, IReadOnlyList<KernelEntry> Kernels);
