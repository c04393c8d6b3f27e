namespace Harness.Config;

/// <summary>
/// The VM and guest a kernel runs with: what the <c>defaults</c> block sets for every kernel and a
/// kernel's entry may override, key by key (<see cref="SettingsReader"/>). One record for both, so
/// a new setting is added once and cannot be forgotten on one side.
/// </summary>
/// <param name="SilenceTimeout">How long the console may stay silent before the guest starts (silence_timeout).</param>
/// <param name="KernelArgs">Extra kernel command-line words (kernel_args), passed as data inside QEMU's one -append argument.</param>
public sealed record MachineSettings(
    int Cpus,
    int MemoryMiB,
    TimeSpan BootTimeout,
    TimeSpan TestTimeout,
    GuestSettings Guest,
    int NumaNodes = 1,
    TimeSpan? SilenceTimeout = null,
    string KernelArgs = "")
{
    /// <summary>How long a booting kernel's console may print nothing new before the boot is stopped.</summary>
    public static TimeSpan StandardSilenceTimeout { get; } = TimeSpan.FromSeconds(30);

    public static MachineSettings Standard { get; } = new(
        Cpus: 4,
        MemoryMiB: 512,
        BootTimeout: TimeSpan.FromSeconds(120),
        TestTimeout: TimeSpan.FromSeconds(300),
        Guest: GuestSettings.Standard,
        SilenceTimeout: StandardSilenceTimeout);
}
