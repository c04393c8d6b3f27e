using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Config;

/// <summary>The file being read, so that every node can be turned into a located error.</summary>
internal sealed class YamlSource(string filePath)
{
    public string FilePath { get; } = filePath;

    public SourceLocation LocationOf(Mark mark) => new(FilePath, checked((int)mark.Line), checked((int)mark.Column));

    public SourceLocation LocationOf(YamlNode node) => LocationOf(node.Start);

    public MatrixException Error(YamlNode node, string problem) => new(LocationOf(node), problem);
}
