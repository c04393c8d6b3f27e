namespace Harness.Config;

/// <summary>
/// Reads a <c>build</c> block: the tree (<c>debian</c> + <c>suite</c>, or <c>tree</c>), the fragment,
/// the patches and <c>selftests</c>. Files are looked up relative to the matrix file and must exist now
/// (<see cref="MatrixPaths"/>).
/// </summary>
internal static class BuildSourceReader
{
    public static IReadOnlyList<string> Keys { get; } = ["debian", "suite", "tree", "config", "patches", "selftests"];

    /// <summary>
    /// The fragment a build gets when its block names none: the nearest one in the matrix file's
    /// folder or a folder above it, so a matrix kept in a subfolder (matrices/) finds the
    /// repository's fragment without spelling out a relative path.
    /// </summary>
    public const string DefaultConfig = "configs/rseq-guest.config";

    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.Ordinal)
    {
        ["true"] = true,
        ["false"] = false,
    };

    public static BuildKernelSource Read(YamlMap block, string matrixDirectory) => new(
        ReadTree(block, matrixDirectory),
        ReadConfig(block, matrixDirectory),
        ReadPatches(block.Optional("patches"), matrixDirectory),
        block.Optional("selftests")?.AsChoice(YesNo) ?? false);

    private static KernelSourceTree ReadTree(YamlMap block, string matrixDirectory)
    {
        var debian = block.Optional("debian");
        var tree = block.Optional("tree");
        var suite = block.Optional("suite");
        if (debian is not null && tree is not null)
            throw block.Error($"{block.Description} has both 'debian' and 'tree'; give one of them");
        if (tree is not null)
        {
            if (suite is not null)
                throw suite.Error($"{suite.What} only goes with 'debian', not with 'tree'");
            return new LocalSourceTree(MatrixPaths.ExistingDirectory(tree, matrixDirectory));
        }
        if (debian is null)
            throw block.Error($"{block.Description} needs 'debian' (a linux-source package, with 'suite') or 'tree' (a source directory)");
        return new DebianSourceTree(
            KernelSourceReader.Matching(debian, KernelSourceReader.PackagePattern(), "a Debian package name"),
            KernelSourceReader.Matching(block.Required("suite"), KernelSourceReader.SuitePattern(), "a Debian suite name"));
    }

    private static string ReadConfig(YamlMap block, string matrixDirectory)
    {
        if (block.Optional("config") is { } config)
            return MatrixPaths.ExistingFile(config, matrixDirectory);
        for (var folder = new DirectoryInfo(Path.GetFullPath(matrixDirectory)); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, DefaultConfig);
            if (File.Exists(candidate))
                return candidate;
        }
        throw block.Error($"{block.Description} has no 'config' and no '{DefaultConfig}' exists in '{Path.GetFullPath(matrixDirectory)}' or a folder above it");
    }

    private static List<string> ReadPatches(YamlValue? value, string matrixDirectory)
    {
        if (value is null)
            return [];
        var paths = new List<string>();
        foreach (var item in value.AsList("patch"))
        {
            var path = MatrixPaths.ExistingFile(item, matrixDirectory);
            if (paths.Contains(path, StringComparer.Ordinal))
                throw item.Error($"patch '{path}' is listed twice");
            paths.Add(path);
        }
        return paths;
    }
}
