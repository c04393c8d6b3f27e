namespace Harness.Kernels.Debian;

/// <summary>
/// Debian's control-file format (deb822), as apt's <c>*.sources</c> files and <c>apt-cache show</c>
/// write it: stanzas of <c>Key: value</c> fields split by blank lines, a line that starts with
/// whitespace continuing the field above, <c>#</c> lines comments. Keys compare without case; the
/// first of a repeated key wins.
/// </summary>
public static class Deb822
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> Stanzas(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? lastKey = null;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            // Comments may sit inside a stanza (apt itself writes them there); only a blank line ends one.
            if (line.StartsWith('#'))
                continue;
            if (line.Trim().Length == 0)
            {
                if (fields.Count > 0)
                    yield return fields;
                fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                lastKey = null;
            }
            else if (char.IsWhiteSpace(line[0]))
            {
                if (lastKey is not null)
                    fields[lastKey] += "\n" + line.Trim();
            }
            else if (line.IndexOf(':') is var colon and > 0)
            {
                var key = line[..colon].Trim();
                lastKey = fields.TryAdd(key, line[(colon + 1)..].Trim()) ? key : null;
            }
        }
        if (fields.Count > 0)
            yield return fields;
    }
}
