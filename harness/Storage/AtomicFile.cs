using System.Text;

namespace Harness.Storage;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then renamed
/// over it (rename(2) is atomic within a file system). A reader sees the old content or the new,
/// never half of either; a crash, Ctrl-C or a full disk leaves the old file (an earlier run's
/// results, a cache entry's metadata) as it was. Used for every file of results and cache metadata.
/// </summary>
public static class AtomicFile
{
    public static Task WriteAllTextAsync(string path, string text, CancellationToken ct) =>
        WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(text), ct);

    public static Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken ct) =>
        WriteAsync(path, (stream, token) => stream.WriteAsync(bytes, token).AsTask(), ct);

    /// <summary>A copy of <paramref name="source"/> that appears under <paramref name="path"/> only once complete.</summary>
    public static Task CopyAsync(string source, string path, CancellationToken ct) =>
        WriteAsync(path, async (stream, token) =>
        {
            await using var input = File.OpenRead(source);
            await input.CopyToAsync(stream, token);
        }, ct);

    /// <param name="write">Writes the content; it must only write, as its I/O failures are reported against <paramref name="path"/>.</param>
    /// <exception cref="StorageException">The file cannot be written (disk full, read-only, permission); the old one is untouched.</exception>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var temporary = TemporaryBeside(path);
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(file, ct);
                await file.FlushAsync(ct);
                // Without it a power cut after the rename can leave the new name on an empty file.
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException and not StorageException or UnauthorizedAccessException)
        {
            throw StorageException.Writing(path, exception);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The same for writers that only work synchronously (the cpio writer).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = TemporaryBeside(path);
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException and not StorageException or UnauthorizedAccessException)
        {
            throw StorageException.Writing(path, exception);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    // Hidden and unique, so two writers of one file never share a temporary file and listings skip it.
    static string TemporaryBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    // After a successful rename there is nothing to delete; after a failure the first error is the one to report.
    static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }
}
