using System.Text.RegularExpressions;

namespace Harness.Config;

/// <summary>Reads a kernel's <c>source</c> block: a Debian package of a suite, or a bzImage path.</summary>
internal static partial class KernelSourceReader
{
    public static IReadOnlyList<string> Keys { get; } = ["debian", "suite", "path"];

    public static KernelSource Read(YamlMap block)
    {
        var debian = block.Optional("debian");
        var path = block.Optional("path");
        var suite = block.Optional("suite");
        if (debian is not null && path is not null)
            throw block.Error($"{block.Description} has both 'debian' and 'path'; give one of them");
        if (path is not null)
            return new PathKernelSource(ReadPath(path, suite));
        if (debian is null)
            throw block.Error($"{block.Description} needs 'debian' (a package, with 'suite') or 'path' (a bzImage)");
        return new DebianKernelSource(
            Package: Matching(debian, PackagePattern(), "a Debian package name"),
            Suite: Matching(block.Required("suite"), SuitePattern(), "a Debian suite name"));
    }

    private static string ReadPath(YamlValue path, YamlValue? suite)
    {
        if (suite is not null)
            throw suite.Error($"{suite.What} only goes with 'debian', not with 'path'");
        var text = path.AsText();
        return text.Length > 0 ? text : throw path.Error($"{path.What} is empty");
    }

    // Names reach apt as arguments; holding them to Debian's own rules catches typos and odd input early.
    private static string Matching(YamlValue value, Regex pattern, string kind)
    {
        var text = value.AsText();
        return pattern.IsMatch(text) ? text : throw value.Error($"{value.What} must be {kind}, got {YamlText.Quote(text)}");
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex SuitePattern();
}
