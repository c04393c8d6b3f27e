namespace Harness.Storage;

/// <summary>
/// One holder at a time of a part of the cache, across harness processes (two runs on one cache, a
/// nightly run beside a bisect): a build tree, a suite's apt state, a guest image being built. The
/// lock is a file opened with FileShare.None, which .NET takes as an flock(2) on Linux: advisory,
/// and released by the kernel when the holder dies, so a killed run never leaves the cache locked.
/// </summary>
public static class CacheLock
{
    static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);
    const int Ewouldblock = 11;

    /// <param name="waiting">Told once, when another holder makes this one wait.</param>
    public static async Task<IDisposable> AcquireAsync(string lockPath, Action waiting, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockPath)) ?? ".");
        var told = false;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            // Only the lock being held (EWOULDBLOCK) is worth waiting for; a folder that cannot be
            // written or a full disk would never clear, and is reported at once.
            catch (IOException exception) when (StorageException.Errno(exception) == Ewouldblock)
            {
                if (!told)
                    waiting();
                told = true;
                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }
}
