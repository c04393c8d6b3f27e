using Harness.Kernels;

namespace Harness.Storage;

/// <summary>What a cached file's check found.</summary>
public enum CachedFileState
{
    Missing,
    Intact,
    /// <summary>The bytes no longer match the SHA-256 recorded when the file was made (bit rot, a truncating copy, a stray edit).</summary>
    Damaged,
}

/// <summary>
/// A file of the cache (a built bzImage, the guest initramfs) with the SHA-256 of its bytes recorded
/// beside it in <c>&lt;file&gt;.sha256</c>, so a damaged copy is rebuilt rather than booted: a
/// truncated image boots into a confusing panic that would be charged to the kernel.
/// </summary>
public static class CachedFile
{
    public static string HashPath(string file) => file + ".sha256";

    /// <summary>Records the hash of <paramref name="file"/> as it is now; call once the file is complete and in place.</summary>
    public static async Task RecordAsync(string file, CancellationToken ct) =>
        await AtomicFile.WriteAllTextAsync(HashPath(file), await FileSha256.ComputeAsync(file, ct) + "\n", ct);

    /// <remarks>
    /// A file with no recorded hash was made by a harness from before hashes were kept (or the run
    /// stopped between the file's rename and its hash): files only ever appear by an atomic rename, so
    /// it is whole, and its hash is recorded now rather than forcing a rebuild of every cached kernel.
    /// </remarks>
    public static async Task<CachedFileState> CheckAsync(string file, CancellationToken ct)
    {
        if (!File.Exists(file))
            return CachedFileState.Missing;
        var hashPath = HashPath(file);
        if (!File.Exists(hashPath))
        {
            await RecordAsync(file, ct);
            return CachedFileState.Intact;
        }
        var recorded = (await File.ReadAllTextAsync(hashPath, ct)).Trim();
        return await FileSha256.ComputeAsync(file, ct) == recorded ? CachedFileState.Intact : CachedFileState.Damaged;
    }

    /// <summary>Removes a file and its hash, so the next check finds it missing and it is made again.</summary>
    public static void Remove(string file)
    {
        File.Delete(file);
        File.Delete(HashPath(file));
    }
}
