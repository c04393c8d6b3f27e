namespace Harness.KernelBuild;

/// <summary>
/// One build at a time per tree, across processes: two harness runs patching and making the same tree
/// at once would corrupt it. The lock is an exclusively opened file, released when the process dies.
/// </summary>
static class TreeLock
{
    static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    public static async Task<IDisposable> AcquireAsync(string lockPath, Action<string> progress, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!told)
                    progress($"waiting for another build of the same tree ({lockPath})");
                told = true;
                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }
}
