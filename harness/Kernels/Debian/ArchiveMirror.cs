namespace Harness.Kernels.Debian;

/// <summary>The Debian archive mirror the host's apt already uses; the harness never names one itself.</summary>
public sealed record ArchiveMirror(string Uri)
{
    /// <summary>The first entry that looks like the main Debian archive (not security, not a third-party repo).</summary>
    public static ArchiveMirror? Choose(IEnumerable<AptSourceEntry> entries) =>
        entries
            .Where(IsDebianArchive)
            .SelectMany(e => e.Uris)
            .Where(u => !u.Contains("security", StringComparison.OrdinalIgnoreCase))
            .Select(u => new ArchiveMirror(u.TrimEnd('/')))
            .FirstOrDefault();

    // Third-party repositories (docker, nodesource, cloud SDKs) sit in the same files; the Debian archive is
    // the one with a "debian" path, a "main" component and, when a keyring is named, Debian's own keyring.
    private static bool IsDebianArchive(AptSourceEntry entry) =>
        entry.Types.Contains("deb")
        && entry.Components.Contains("main")
        && !entry.Suites.Any(s => s.EndsWith("-security", StringComparison.Ordinal) || s.EndsWith("/updates", StringComparison.Ordinal))
        && entry.Uris.Any(u => u.Contains("debian", StringComparison.OrdinalIgnoreCase))
        && (entry.SignedBy is null || entry.SignedBy.Contains("debian-archive", StringComparison.Ordinal));

    /// <summary>Reads the host's sources in apt's own order: sources.list, then sources.list.d sorted by name.</summary>
    public static ArchiveMirror FromHost(string etcAptDirectory)
    {
        var entries = new List<AptSourceEntry>();
        var list = Path.Combine(etcAptDirectory, "sources.list");
        if (File.Exists(list))
            entries.AddRange(OneLineSourcesParser.Parse(File.ReadAllText(list)));
        var parts = Path.Combine(etcAptDirectory, "sources.list.d");
        if (Directory.Exists(parts))
        {
            foreach (var file in Directory.GetFiles(parts).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".sources", StringComparison.Ordinal))
                    entries.AddRange(Deb822SourcesParser.Parse(File.ReadAllText(file)));
                else if (file.EndsWith(".list", StringComparison.Ordinal))
                    entries.AddRange(OneLineSourcesParser.Parse(File.ReadAllText(file)));
            }
        }
        return Choose(entries)
            ?? throw new KernelAcquisitionException(
                $"no Debian archive mirror found in {list} or {parts}/ (needed to fetch Debian kernels)");
    }
}
