using System.Collections.Concurrent;
using Harness.Storage;

namespace Harness.Kernels.Debian;

/// <summary>
/// One user at a time of a suite's private apt state: apt runs there with its own locking off (it
/// would want root for it), so two updates or downloads at once, from this process or from another
/// harness run on the same cache, would corrupt the lists. A semaphore orders this process's users;
/// a file lock beside the state orders processes.
/// </summary>
internal sealed class SuiteLock : IDisposable
{
    readonly SemaphoreSlim _gate;
    readonly IDisposable _file;

    SuiteLock(SemaphoreSlim gate, IDisposable file)
    {
        _gate = gate;
        _file = file;
    }

    public static async Task<SuiteLock> AcquireAsync(
        string cacheRoot, string suite, ConcurrentDictionary<string, SemaphoreSlim> gates, Action<string> log, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(suite, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var path = Path.Combine(cacheRoot, "apt", $"{suite}.lock");
            var file = await CacheLock.AcquireAsync(path, () => log($"{suite}: waiting for another harness run using its apt state"), ct);
            return new SuiteLock(gate, file);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _gate.Release();
    }
}
