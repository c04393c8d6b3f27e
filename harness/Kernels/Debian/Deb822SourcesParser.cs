namespace Harness.Kernels.Debian;

/// <summary>Reads the entries of /etc/apt/sources.list.d/*.sources (<see cref="Deb822"/>).</summary>
public static class Deb822SourcesParser
{
    public static IReadOnlyList<AptSourceEntry> Parse(string text)
    {
        var entries = new List<AptSourceEntry>();
        foreach (var stanza in Deb822.Stanzas(text))
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

    private static IReadOnlyList<string> Words(IReadOnlyDictionary<string, string> stanza, string key) =>
        stanza.TryGetValue(key, out var value)
            ? value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : [];

    // Signed-By holds either keyring paths or an inline armoured key; only a path can be reused.
    private static string? KeyringPath(IReadOnlyDictionary<string, string> stanza) =>
        stanza.TryGetValue("signed-by", out var value) && value.Trim().StartsWith('/') && !value.Contains('\n')
            ? value.Trim()
            : null;
}
