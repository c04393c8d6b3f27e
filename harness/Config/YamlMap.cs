using YamlDotNet.RepresentationModel;

namespace Harness.Config;

/// <summary>
/// A mapping whose keys were checked against the ones its block allows, so a misspelt key is an
/// error at the key rather than a setting that silently keeps its default.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly YamlSource _source;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string description, IReadOnlyList<string> allowedKeys, YamlSource source)
    {
        _node = node;
        _source = source;
        Description = description;
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = KeyText(keyNode, description);
            if (!allowedKeys.Contains(key, StringComparer.Ordinal))
                throw source.Error(keyNode,
                    $"unknown key {YamlText.Quote(key)} in {description} (expected one of: {string.Join(", ", allowedKeys)})");
            // YamlStream already rejects duplicate keys; this guards the dictionary all the same.
            if (!_values.TryAdd(key, valueNode))
                throw source.Error(keyNode, $"duplicate key {YamlText.Quote(key)} in {description}");
        }
    }

    /// <summary>What the block is, for messages: <c>defaults</c>, <c>kernel 'bookworm'</c>.</summary>
    public string Description { get; }

    public SourceLocation Location => _source.LocationOf(_node);

    public MatrixException Error(string problem) => _source.Error(_node, problem);

    public YamlValue? Optional(string key) =>
        _values.TryGetValue(key, out var node) ? new YamlValue(node, $"'{key}' in {Description}", _source) : null;

    public YamlValue Required(string key) =>
        Optional(key) ?? throw Error($"missing key '{key}' in {Description}");

    /// <summary>A nested block; absent or written as nothing (every line commented out) gives null.</summary>
    public YamlMap? OptionalMap(string key, string description, IReadOnlyList<string> allowedKeys) =>
        Optional(key) is { IsNull: false } value ? value.AsMap(description, allowedKeys) : null;

    private string KeyText(YamlNode keyNode, string description) =>
        keyNode is YamlScalarNode { Value: { } text } scalar && !YamlText.IsNull(scalar)
            ? text
            : throw _source.Error(keyNode, $"keys in {description} must be words, got {YamlText.Describe(keyNode)}");
}
