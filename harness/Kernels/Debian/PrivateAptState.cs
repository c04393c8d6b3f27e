using Harness.Storage;

namespace Harness.Kernels.Debian;

/// <summary>
/// An apt state directory of the harness's own, one per suite, so apt runs without root and the host's
/// lists stay untouched; one suite per directory also lets each suite refresh on its own schedule.
/// </summary>
public sealed class PrivateAptState(string directory, string suite)
{
    public const string ArchiveKeyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    public string Directory { get; } = directory;
    public string Suite { get; } = suite;

    private string ListsDirectory => Path.Combine(Directory, "lists");
    private string SourcesListPath => Path.Combine(Directory, "sources.list");
    private string UpdatedStampPath => Path.Combine(Directory, "lists-updated");

    /// <summary>
    /// Only the Packages index of main for amd64: the host's apt.conf.d may ask for DEP-11 metadata,
    /// translations or other architectures, which would multiply what an update downloads.
    /// </summary>
    public static string RenderSourcesList(ArchiveMirror mirror, string suite) =>
        $"deb [arch=amd64 signed-by={ArchiveKeyring} target=Packages] {mirror.Uri} {suite} main\n";

    /// <summary>The <c>-o</c> settings that point apt-get and apt-cache at this directory only.</summary>
    public IReadOnlyList<string> AptOptions() =>
    [
        $"Dir::State={Directory}",
        $"Dir::State::Lists={ListsDirectory}",
        $"Dir::State::status={Path.Combine(Directory, "status")}",
        $"Dir::Cache={Path.Combine(Directory, "cache")}",
        // The host may switch apt's binary package cache off (Debian's docker images do); without it
        // every apt-cache call re-reads the lists, about a second each for a full suite. The source cache
        // would only double the disk use.
        $"Dir::Cache::pkgcache={Path.Combine(Directory, "cache", "pkgcache.bin")}",
        "Dir::Cache::srcpkgcache=",
        $"Dir::Etc::sourcelist={SourcesListPath}",
        $"Dir::Etc::sourceparts={Path.Combine(Directory, "sources.list.d")}",
        $"Dir::Etc::preferences={Path.Combine(Directory, "preferences")}",
        $"Dir::Etc::preferencesparts={Path.Combine(Directory, "preferences.d")}",
        "Debug::NoLocking=1",
        "APT::Architecture=amd64",
        "Acquire::Languages=none",
    ];

    /// <summary>Creates the directory; a changed mirror makes the lists stale so the next use refreshes them.</summary>
    public async Task PrepareAsync(ArchiveMirror mirror, CancellationToken ct)
    {
        foreach (var sub in new[] { "lists/partial", "cache/archives/partial", "sources.list.d", "preferences.d" })
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, sub));
        // An empty dpkg status: the host's installed packages must not influence what apt picks.
        var status = Path.Combine(Directory, "status");
        if (!File.Exists(status))
            await AtomicFile.WriteAllTextAsync(status, "", ct);

        var wanted = RenderSourcesList(mirror, Suite);
        if (File.Exists(SourcesListPath) && await File.ReadAllTextAsync(SourcesListPath, ct) == wanted)
            return;
        File.Delete(UpdatedStampPath);
        await AtomicFile.WriteAllTextAsync(SourcesListPath, wanted, ct);
    }

    /// <summary>When the lists were last updated successfully, or null if never.</summary>
    public DateTimeOffset? ListsUpdatedAt =>
        File.Exists(UpdatedStampPath) ? File.GetLastWriteTimeUtc(UpdatedStampPath) : null;

    /// <summary>
    /// What apt's answers are read from: the sources line, the time of the last update and every
    /// list file's name, size and modification time. Any <c>apt-get update</c> that changes a list
    /// (or merely succeeds: the stamp) changes it.
    /// </summary>
    public string ListsFingerprint()
    {
        var parts = new List<string> { File.Exists(SourcesListPath) ? File.ReadAllText(SourcesListPath) : "", ListsUpdatedAt?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "never" };
        if (System.IO.Directory.Exists(ListsDirectory))
            parts.AddRange(new DirectoryInfo(ListsDirectory).EnumerateFiles()
                .OrderBy(file => file.Name, StringComparer.Ordinal)
                .Select(file => $"{file.Name} {file.Length} {file.LastWriteTimeUtc.Ticks}"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", parts))));
    }

    public async Task MarkListsUpdatedAsync(DateTimeOffset now, CancellationToken ct)
    {
        await AtomicFile.WriteAllTextAsync(UpdatedStampPath, now.ToString("O") + "\n", ct);
        File.SetLastWriteTimeUtc(UpdatedStampPath, now.UtcDateTime);
    }
}
