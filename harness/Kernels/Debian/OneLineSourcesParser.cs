namespace Harness.Kernels.Debian;

/// <summary>Reads the one-line format of /etc/apt/sources.list: <c>deb [opts] uri suite components…</c>.</summary>
public static class OneLineSourcesParser
{
    public static IReadOnlyList<AptSourceEntry> Parse(string text)
    {
        var entries = new List<AptSourceEntry>();
        foreach (var rawLine in text.Split('\n'))
        {
            var hash = rawLine.IndexOf('#');
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            if (line.Length == 0)
                continue;
            if (TryParseLine(line) is { } entry)
                entries.Add(entry);
        }
        return entries;
    }

    private static AptSourceEntry? TryParseLine(string line)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var type = words[0];
        var rest = words.Skip(1).ToList();
        var options = new List<string>();
        if (rest.Count > 0 && rest[0].StartsWith('['))
        {
            // Options may be written "[a=b c=d]" or "[ a=b c=d ]": collect words up to the closing bracket.
            var closing = rest.FindIndex(w => w.EndsWith(']'));
            if (closing < 0)
                return null;
            options = rest.Take(closing + 1)
                .Select(w => w.Trim('[', ']'))
                .Where(w => w.Length > 0)
                .ToList();
            rest = rest.Skip(closing + 1).ToList();
        }
        if (rest.Count < 2)
            return null;
        var signedBy = options
            .Where(o => o.StartsWith("signed-by=", StringComparison.OrdinalIgnoreCase))
            .Select(o => o["signed-by=".Length..])
            .FirstOrDefault(p => p.StartsWith('/'));
        return new AptSourceEntry([type], [rest[0]], [rest[1]], rest.Skip(2).ToList(), signedBy);
    }
}
