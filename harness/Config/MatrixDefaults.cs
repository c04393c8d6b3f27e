namespace Harness.Config;

/// <summary>The <c>defaults</c> block: what every kernel gets unless its entry says otherwise.</summary>
public sealed record MatrixDefaults(
    int Cpus,
    int MemoryMiB,
    AccelChoice Accel,
    TimeSpan BootTimeout,
    TimeSpan TestTimeout,
    GuestSettings Guest,
    int NumaNodes = 1,
    TimeSpan? SilenceTimeout = null,
    string KernelArgs = "")
{
    /// <summary>How long a booting kernel's console may print nothing new before the boot is stopped.</summary>
    public static TimeSpan StandardSilenceTimeout { get; } = TimeSpan.FromSeconds(30);

    public static MatrixDefaults Standard { get; } = new(
        Cpus: 4,
        MemoryMiB: 512,
        Accel: AccelChoice.Auto,
        BootTimeout: TimeSpan.FromSeconds(120),
        TestTimeout: TimeSpan.FromSeconds(300),
        Guest: GuestSettings.Standard,
        SilenceTimeout: StandardSilenceTimeout);
}
