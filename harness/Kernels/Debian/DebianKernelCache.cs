using System.Text.Json;
using Harness.Storage;

namespace Harness.Kernels.Debian;

/// <summary>
/// <c>&lt;cache&gt;/kernels/debian/&lt;package&gt;_&lt;version&gt;/</c> holding <c>vmlinuz</c> and <c>meta.json</c>.
/// An entry appears by renaming a finished staging directory, so an interrupted fetch never leaves a
/// half-written entry behind; an entry is trusted only when the image still matches the hash in its
/// meta, and one that does not is removed, so the cache never serves a bad entry twice.
/// </summary>
public sealed class DebianKernelCache(string cacheRoot)
{
    private const string ImageFileName = "vmlinuz";
    private const string MetaFileName = "meta.json";

    private string Root => Path.Combine(cacheRoot, "kernels", "debian");

    public string EntryDirectory(string package, string version) => Path.Combine(Root, $"{package}_{version}");

    /// <summary>
    /// The cached image of a concrete package version, or null when absent or damaged. A damaged
    /// entry (an image that no longer matches the hash in its meta, a meta that cannot be read) is
    /// removed here, so it is fetched again and never offered a second time.
    /// </summary>
    public async Task<string?> TryGetImageAsync(string package, string version, CancellationToken ct)
    {
        var directory = EntryDirectory(package, version);
        if (!Directory.Exists(directory))
            return null;
        var image = Path.Combine(directory, ImageFileName);
        var metaPath = Path.Combine(directory, MetaFileName);
        var meta = File.Exists(metaPath) ? await ReadMetaAsync(metaPath, ct) : null;
        if (meta is not null && meta.Package == package && meta.Version == version
            && File.Exists(image) && await FileSha256.ComputeAsync(image, ct) == meta.ImageSha256)
            return image;
        Discard(directory);
        return null;
    }

    /// <summary>A fresh directory beside the entries (same file system, so the final rename is atomic).</summary>
    public string CreateStagingDirectory()
    {
        RemoveAbandonedStaging();
        var staging = Path.Combine(Root, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return staging;
    }

    public static string StagedImagePath(string staging) => Path.Combine(staging, ImageFileName);

    /// <summary>Writes the meta into the staging directory and renames it into place; returns the image path.</summary>
    public async Task<string> CommitAsync(string staging, DebianKernelMeta meta, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(meta, DebianKernelMetaJson.Readable.DebianKernelMeta);
        await AtomicFile.WriteAllTextAsync(Path.Combine(staging, MetaFileName), json + "\n", ct);

        var entry = EntryDirectory(meta.Package, meta.Version);
        // Whatever is there failed the check in TryGetImageAsync (or we would not be fetching): replace it.
        Discard(entry);
        try
        {
            Directory.Move(staging, entry);
        }
        catch (IOException) when (Directory.Exists(entry))
        {
            // Another harness process committed the same package version first; its copy is as good as ours.
        }
        return Path.Combine(entry, ImageFileName);
    }

    // Renamed aside first (one atomic step), then deleted: a reader finds the whole entry or none,
    // never a half-deleted one; two processes discarding at once see one rename fail, harmlessly.
    private void Discard(string entry)
    {
        var aside = Path.Combine(Root, $".discarded-{Guid.NewGuid():N}");
        try
        {
            Directory.Move(entry, aside);
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }
        catch (IOException) when (!Directory.Exists(entry))
        {
            return;
        }
        Directory.Delete(aside, recursive: true);
    }

    // A killed run leaves its staging directory behind; a day is far longer than any fetch takes.
    private void RemoveAbandonedStaging()
    {
        if (!Directory.Exists(Root))
            return;
        foreach (var directory in Directory.GetDirectories(Root, ".staging-*"))
        {
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > TimeSpan.FromDays(1))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<DebianKernelMeta?> ReadMetaAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, DebianKernelMetaJson.Readable.DebianKernelMeta, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
