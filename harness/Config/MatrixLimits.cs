namespace Harness.Config;

/// <summary>
/// The ranges kernels.yaml accepts. They bound what a VM on a small CI machine can be asked for and
/// catch slips (memory in bytes, timeouts in milliseconds) before anything boots.
/// </summary>
public static class MatrixLimits
{
    public const int MinCpus = 1;
    public const int MaxCpus = 64;
    public const int MinMemoryMiB = 128;
    public const int MaxMemoryMiB = 65536;
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 86400;
    public const int MaxKernelArgsLength = 1024;
    public const double MinGuestSeconds = 0.1;
    public const double MaxGuestSeconds = 600;
    public const int MinThreads = 1;
    public const int MaxThreads = 256;
    public const int MinNumaNodes = 1;
    public const int MaxNumaNodes = 8;
    public const int MaxKernelNameLength = 64;

    /// <summary>Bytes of kernels.yaml read at most: the default matrix is about 2 KiB.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Mappings and lists inside one another (the top level is 1, a build's patches list 6).</summary>
    public const int MaxNestingDepth = 16;
}
