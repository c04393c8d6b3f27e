using YamlDotNet.RepresentationModel;

namespace Harness.Config;

/// <summary>Turns a loaded YAML stream into a validated <see cref="Matrix"/>.</summary>
internal static class MatrixReader
{
    private static readonly IReadOnlyList<string> TopLevelKeys = ["defaults", "kernels"];

    public static Matrix Read(YamlStream stream, YamlSource source, string fullPath)
    {
        if (stream.Documents.Count == 0)
            throw new MatrixException(new SourceLocation(source.FilePath, 1, 1), "the file is empty; it needs a 'kernels' list");
        if (stream.Documents.Count > 1)
            throw source.Error(stream.Documents[1].RootNode, "only one YAML document is allowed (found a second '---')");

        var root = new YamlValue(stream.Documents[0].RootNode, "the top level", source).AsMap("the top level", TopLevelKeys);
        var block = root.OptionalMap("defaults", "defaults", SettingsReader.DefaultsKeys);
        var defaults = block is null ? MatrixDefaults.Standard : new MatrixDefaults(
            SettingsReader.Merge(block, MatrixDefaults.Standard.Machine, "defaults.guest"),
            SettingsReader.ReadAccel(block, MatrixDefaults.Standard.Accel));
        var directory = Path.GetDirectoryName(fullPath) ?? fullPath;
        return new Matrix(fullPath, defaults, ReadKernels(root.Required("kernels"), defaults, directory));
    }

    private static List<KernelEntry> ReadKernels(YamlValue kernelsValue, MatrixDefaults defaults, string matrixDirectory)
    {
        var items = kernelsValue.AsList("kernel");
        if (items.Count == 0)
            throw kernelsValue.Error($"{kernelsValue.What} is empty; list at least one kernel");

        var kernels = new List<KernelEntry>();
        var firstByName = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var (entry, nameLocation) = KernelEntryReader.Read(item, defaults, matrixDirectory);
            // The name keys results and caches, so two entries with one name would overwrite each other.
            if (!firstByName.TryAdd(entry.Name, nameLocation))
                throw new MatrixException(nameLocation,
                    $"duplicate kernel name {YamlText.Quote(entry.Name)} (first at line {firstByName[entry.Name].Line})");
            kernels.Add(entry);
        }
        return kernels;
    }
}
