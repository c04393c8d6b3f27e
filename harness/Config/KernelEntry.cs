namespace Harness.Config;

/// <summary>One kernel of the matrix, with the settings it runs under (defaults merged with its own).</summary>
public sealed record KernelEntry(
    string Name,
    KernelSource Source,
    Expectation Expect,
    int Cpus,
    int MemoryMiB,
    TimeSpan BootTimeout,
    TimeSpan TestTimeout,
    GuestSettings Guest,
    SourceLocation Location,
    int NumaNodes = 1);
