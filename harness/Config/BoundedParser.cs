using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Harness.Config;

/// <summary>
/// Stops the YAML event stream at what kernels.yaml has no use for and what could make loading
/// unbounded, before any node is built:
/// <list type="bullet">
/// <item>anchors and aliases (<c>&amp;a</c>, <c>*a</c>): shared settings go in <c>defaults</c>, and
/// aliases are how a "billion laughs" file multiplies a few lines into a graph too large to walk;</item>
/// <item>nesting deeper than <see cref="MatrixLimits.MaxNestingDepth"/>: YamlDotNet builds nodes by
/// recursion (aaubry/YamlDotNet#375), and <c>[[[[…</c> deep enough overflows the stack, which no
/// catch can stop; the deepest real kernels.yaml (a build's patches list) is 6 levels.</item>
/// </list>
/// </summary>
internal sealed class BoundedParser(IParser inner, YamlSource source) : IParser
{
    int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw new MatrixException(source.LocationOf(alias.Start),
                    $"alias '*{alias.Value}': anchors and aliases are not supported in kernels.yaml; write the value out (settings shared by every kernel go in 'defaults')");
            case NodeEvent { Anchor.IsEmpty: false } node:
                throw new MatrixException(source.LocationOf(node.Start),
                    $"anchor '&{node.Anchor}': anchors and aliases are not supported in kernels.yaml; write the value out (settings shared by every kernel go in 'defaults')");
        }
        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > MatrixLimits.MaxNestingDepth:
                throw new MatrixException(source.LocationOf(inner.Current.Start),
                    $"the YAML is nested more than {MatrixLimits.MaxNestingDepth} levels deep here; kernels.yaml needs at most 6");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }
        return true;
    }
}
