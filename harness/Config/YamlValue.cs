using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Harness.Config;

/// <summary>
/// One node of the matrix file with a phrase saying what it is (<c>'cpus' in defaults</c>), read as
/// the type a key expects; a wrong type or a value out of range fails at the node's own position.
/// </summary>
internal sealed partial class YamlValue(YamlNode node, string what, YamlSource source)
{
    public YamlNode Node { get; } = node;
    public string What { get; } = what;
    public YamlSource Source { get; } = source;

    public SourceLocation Location => Source.LocationOf(Node);

    public bool IsNull => Node is YamlScalarNode scalar && YamlText.IsNull(scalar);

    public MatrixException Error(string problem) => Source.Error(Node, problem);

    public string AsText()
    {
        if (Node is YamlScalarNode scalar && !YamlText.IsNull(scalar))
            return scalar.Value ?? "";
        throw Error($"{What} must be a text value, got {YamlText.Describe(Node)}");
    }

    public int AsInt(int min, int max) => (int)AsLong(min, max);

    public long AsLong(long min, long max)
    {
        if (Node is not YamlScalarNode scalar || !YamlText.IsPlain(scalar)
            || !IntegerPattern().IsMatch(scalar.Value ?? "")
            || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Error($"{What} must be an integer, got {YamlText.Describe(Node)}");
        if (value < min || value > max)
            throw Error($"{What} must be from {min} to {max}, got {value}");
        return value;
    }

    public double AsNumber(double min, double max)
    {
        if (Node is not YamlScalarNode scalar || !YamlText.IsPlain(scalar)
            || !DecimalPattern().IsMatch(scalar.Value ?? "")
            || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Error($"{What} must be a number, got {YamlText.Describe(Node)}");
        if (value < min || value > max)
            throw Error(string.Create(CultureInfo.InvariantCulture, $"{What} must be from {min} to {max}, got {value}"));
        return value;
    }

    /// <summary>A word out of a fixed vocabulary (<c>pass | fail</c>), matched exactly.</summary>
    public T AsChoice<T>(IReadOnlyDictionary<string, T> choices)
    {
        if (Node is YamlScalarNode scalar && !YamlText.IsNull(scalar) && choices.TryGetValue(scalar.Value ?? "", out var choice))
            return choice;
        throw Error($"{What} must be one of: {string.Join(", ", choices.Keys)}; got {YamlText.Describe(Node)}");
    }

    public IReadOnlyList<YamlValue> AsList(string itemWhat)
    {
        if (Node is not YamlSequenceNode sequence)
            throw Error($"{What} must be a list, got {YamlText.Describe(Node)}");
        return sequence.Children.Select((item, index) => new YamlValue(item, $"{itemWhat} #{index + 1}", Source)).ToList();
    }

    public YamlMap AsMap(string description, IReadOnlyList<string> allowedKeys)
    {
        if (Node is not YamlMappingNode mapping)
            throw Error($"{What} must be a mapping, got {YamlText.Describe(Node)}");
        return new YamlMap(mapping, description, allowedKeys, Source);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    // Plain decimal notation only: YAML's .inf/.nan and C#'s "Infinity" are not durations.
    [GeneratedRegex(@"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex DecimalPattern();
}
