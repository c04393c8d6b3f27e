namespace Harness.Config;

/// <summary>
/// Reads the machine and guest settings a block may set (the <c>defaults</c> block, or a kernel's
/// overrides) over inherited ones; a key left out keeps the inherited value.
/// </summary>
internal static class SettingsReader
{
    public static IReadOnlyList<string> DefaultsKeys { get; } =
        ["cpus", "memory", "numa_nodes", "accel", "boot_timeout", "test_timeout", "silence_timeout", "kernel_args", "guest"];

    private static readonly Dictionary<string, AccelChoice> AccelWords = new(StringComparer.Ordinal)
    {
        ["auto"] = AccelChoice.Auto,
        ["kvm"] = AccelChoice.Kvm,
        ["tcg"] = AccelChoice.Tcg,
    };

    /// <summary>The accelerator of the <c>defaults</c> block (a kernel cannot choose its own).</summary>
    public static AccelChoice ReadAccel(YamlMap? block, AccelChoice inherited) =>
        block?.Optional("accel")?.AsChoice(AccelWords) ?? inherited;

    public static MachineSettings Merge(YamlMap? block, MachineSettings inherited, string guestDescription) => block is null
        ? inherited
        : new MachineSettings(
            Cpus: block.Optional("cpus")?.AsInt(MatrixLimits.MinCpus, MatrixLimits.MaxCpus) ?? inherited.Cpus,
            MemoryMiB: block.Optional("memory")?.AsInt(MatrixLimits.MinMemoryMiB, MatrixLimits.MaxMemoryMiB)
                ?? inherited.MemoryMiB,
            BootTimeout: ReadTimeout(block.Optional("boot_timeout")) ?? inherited.BootTimeout,
            TestTimeout: ReadTimeout(block.Optional("test_timeout")) ?? inherited.TestTimeout,
            Guest: GuestSettingsReader.Read(
                block.OptionalMap("guest", guestDescription, GuestSettingsReader.Keys), inherited.Guest),
            NumaNodes: block.Optional("numa_nodes")?.AsInt(MatrixLimits.MinNumaNodes, MatrixLimits.MaxNumaNodes)
                ?? inherited.NumaNodes,
            SilenceTimeout: ReadTimeout(block.Optional("silence_timeout")) ?? inherited.SilenceTimeout,
            KernelArgs: ReadKernelArgs(block.Optional("kernel_args")) ?? inherited.KernelArgs);

    // One line of printable text: it goes into QEMU's single -append argument, where a newline or a
    // control character would only confuse the kernel's parser, and the kernel caps its command line.
    private static string? ReadKernelArgs(YamlValue? value)
    {
        if (value is null)
            return null;
        var text = value.AsText();
        if (text.Length > MatrixLimits.MaxKernelArgsLength || text.Any(char.IsControl))
            throw value.Error($"{value.What} must be one line of at most {MatrixLimits.MaxKernelArgsLength} printable characters");
        return text.Trim();
    }

    private static TimeSpan? ReadTimeout(YamlValue? value) =>
        value is null
            ? null
            : TimeSpan.FromSeconds(value.AsInt(MatrixLimits.MinTimeoutSeconds, MatrixLimits.MaxTimeoutSeconds));
}
