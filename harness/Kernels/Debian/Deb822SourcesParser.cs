namespace Harness.Kernels.Debian;

/// <summary>Reads the deb822 format of /etc/apt/sources.list.d/*.sources.</summary>
public static class Deb822SourcesParser
{
    public static IReadOnlyList<AptSourceEntry> Parse(string text)
    {
        var entries = new List<AptSourceEntry>();
        foreach (var stanza in SplitStanzas(text))
        {
            if (stanza.TryGetValue("enabled", out var enabled) && enabled.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
                continue;
            entries.Add(new AptSourceEntry(
                Words(stanza, "types"),
                Words(stanza, "uris"),
                Words(stanza, "suites"),
                Words(stanza, "components"),
                KeyringPath(stanza)));
        }
        return entries;
    }

    private static IEnumerable<Dictionary<string, string>> SplitStanzas(string text)
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
            else if (char.IsWhiteSpace(line[0]) && lastKey is not null)
                fields[lastKey] += "\n" + line.Trim();
            else if (line.IndexOf(':') is var colon and > 0)
            {
                lastKey = line[..colon].Trim();
                fields[lastKey] = line[(colon + 1)..].Trim();
            }
        }
        if (fields.Count > 0)
            yield return fields;
    }

    private static IReadOnlyList<string> Words(Dictionary<string, string> stanza, string key) =>
        stanza.TryGetValue(key, out var value)
            ? value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : [];

    // Signed-By holds either keyring paths or an inline armoured key; only a path can be reused.
    private static string? KeyringPath(Dictionary<string, string> stanza) =>
        stanza.TryGetValue("signed-by", out var value) && value.Trim().StartsWith('/') && !value.Contains('\n')
            ? value.Trim()
            : null;
}
