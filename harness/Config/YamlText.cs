using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Config;

/// <summary>How nodes read as text: null detection and short descriptions for error messages.</summary>
internal static class YamlText
{
    private const int MaxQuotedLength = 40;

    /// <summary>An empty plain value, <c>~</c> or <c>null</c>: YAML's way of writing nothing.</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// Only plain scalars can be numbers: a quoted <c>"4"</c> is a string, as in every YAML schema,
    /// so a quoted number is reported rather than silently taken.
    /// </summary>
    public static bool IsPlain(YamlScalarNode scalar) => scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>What a node is, for "must be X, got Y" messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode { Value: var value } => Quote(value ?? ""),
        _ => "an unsupported node",
    };

    /// <summary>The user's text in quotes, shortened and kept to one line.</summary>
    public static string Quote(string text)
    {
        var oneLine = text.ReplaceLineEndings(@"\n");
        return oneLine.Length <= MaxQuotedLength ? $"'{oneLine}'" : $"'{oneLine[..MaxQuotedLength]}...'";
    }
}
