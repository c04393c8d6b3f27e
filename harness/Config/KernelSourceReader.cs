using System.Text.RegularExpressions;

namespace Harness.Config;

/// <summary>Reads a kernel's <c>source</c> block: a Debian package of a suite, a bzImage path, or a build.</summary>
internal static partial class KernelSourceReader
{
    public static IReadOnlyList<string> Keys { get; } = ["debian", "suite", "path", "build"];

    public static KernelSource Read(YamlMap block, string matrixDirectory)
    {
        var debian = block.Optional("debian");
        var path = block.Optional("path");
        var suite = block.Optional("suite");
        var given = new[] { ("debian", debian), ("path", path), ("build", block.Optional("build")) }.Where(k => k.Item2 is not null).ToList();
        if (given.Count > 1)
            throw block.Error($"{block.Description} has both '{given[0].Item1}' and '{given[1].Item1}'; give one of them");
        if (block.Optional("build") is { } build)
        {
            if (suite is not null)
                throw suite.Error($"{suite.What} goes inside 'build' for a build from a Debian source package");
            return BuildSourceReader.Read(build.AsMap($"build of {block.Description}", BuildSourceReader.Keys), matrixDirectory);
        }
        if (path is not null)
            return new PathKernelSource(ReadPath(path, suite, matrixDirectory));
        if (debian is null)
            throw block.Error($"{block.Description} needs 'debian' (a package, with 'suite'), 'path' (a bzImage) or 'build' (a kernel built from source)");
        return new DebianKernelSource(
            Package: Matching(debian, PackagePattern(), "a Debian package name"),
            Suite: Matching(block.Required("suite"), SuitePattern(), "a Debian suite name"));
    }

    // Resolved and checked now, as a build's files are: a missing image is a typo at its line, not an ERROR row later.
    private static string ReadPath(YamlValue path, YamlValue? suite, string matrixDirectory)
    {
        if (suite is not null)
            throw suite.Error($"{suite.What} only goes with 'debian', not with 'path'");
        return MatrixPaths.ExistingFile(path, matrixDirectory);
    }

    // Names reach apt as arguments; holding them to Debian's own rules catches typos and odd input early.
    internal static string Matching(YamlValue value, Regex pattern, string kind)
    {
        var text = value.AsText();
        return pattern.IsMatch(text) ? text : throw value.Error($"{value.What} must be {kind}, got {YamlText.Quote(text)}");
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9+.-]+$")]
    internal static partial Regex PackagePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]*$")]
    internal static partial Regex SuitePattern();
}
