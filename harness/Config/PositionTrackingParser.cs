using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Harness.Config;

/// <summary>
/// A parser that remembers where the last good event ended. Some YamlDotNet errors carry no position
/// (a tab in indentation, an unknown alias) or are not YamlExceptions at all (an unclosed flow
/// collection at the end of the file); that position is the best place left to point at.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark LastEnd { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
            LastEnd = current.End;
        return moved;
    }
}
