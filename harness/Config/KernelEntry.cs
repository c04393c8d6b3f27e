namespace Harness.Config;

/// <summary>One kernel of the matrix, with the settings it runs under (defaults merged with its own).</summary>
/// <param name="SilenceTimeout">How long the console may stay silent before the guest starts (silence_timeout).</param>
/// <param name="KernelArgs">Extra kernel command-line words (kernel_args), passed as data inside QEMU's one -append argument.</param>
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
    int NumaNodes = 1,
    TimeSpan? SilenceTimeout = null,
    string KernelArgs = "");
