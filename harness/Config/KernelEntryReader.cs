using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Harness.Config;

/// <summary>Reads one item of <c>kernels</c> and merges its overrides over the defaults.</summary>
internal static partial class KernelEntryReader
{
    public static IReadOnlyList<string> Keys { get; } =
        ["name", "source", "expect", "cpus", "memory", "numa_nodes", "boot_timeout", "test_timeout", "silence_timeout", "kernel_args", "guest"];

    /// <returns>The entry, and where its name is written (duplicates are reported there).</returns>
    public static (KernelEntry Entry, SourceLocation NameLocation) Read(YamlValue item, MatrixDefaults defaults, string matrixDirectory)
    {
        var label = LabelOf(item);
        var block = item.AsMap(label, Keys);
        var nameValue = block.Required("name");
        var name = ReadName(nameValue);
        var source = KernelSourceReader.Read(block.Required("source").AsMap($"source of {label}", KernelSourceReader.Keys), matrixDirectory);
        var settings = SettingsReader.Merge(block, defaults.Machine, $"guest of {label}");
        // After the settings: a scenario named in expect must be one this kernel's guest runs.
        var expect = ExpectationReader.Read(block.Optional("expect"), label, settings.Guest.Scenarios);
        // Each NUMA node needs at least one vCPU of its own (QEMU refuses an empty node's CPU list).
        if (settings.NumaNodes > settings.Cpus)
            throw new MatrixException(
                (block.Optional("numa_nodes") ?? block.Optional("cpus"))?.Location ?? block.Location,
                $"{label} has {settings.NumaNodes} NUMA nodes but only {settings.Cpus} CPUs (each node needs one)");
        var entry = new KernelEntry(name, source, expect, settings, block.Location);
        return (entry, nameValue.Location);
    }

    // Messages about a kernel name it once its name is readable; before that, by its place in the list.
    private static string LabelOf(YamlValue item) =>
        item.Node is YamlMappingNode mapping
        && mapping.Children.TryGetValue(new YamlScalarNode("name"), out var name)
        && name is YamlScalarNode { Value: { Length: > 0 } text }
            ? $"kernel {YamlText.Quote(text)}"
            : item.What;

    private static string ReadName(YamlValue value)
    {
        var name = value.AsText();
        if (!NamePattern().IsMatch(name))
            throw value.Error(
                $"{value.What} must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit, "
                + $"at most {MatrixLimits.MaxKernelNameLength} characters; got {YamlText.Quote(name)}");
        return name;
    }

    // The name becomes file names in the run folder (<name>.console.log), a column of reports and a
    // word users type after --kernel, hence the narrow alphabet, checked here rather than mapped to a
    // safe stem later: a refused name is a one-line fix at its line and column, while a mapping would
    // make two names ("a b" and "a_b") share files and the files stop matching the names in the table.
    // No shell, '..', '/' or leading '-' can get through it (RunFolder.KernelFile checks again).
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
