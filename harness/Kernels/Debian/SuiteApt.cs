using System.Collections.Concurrent;

namespace Harness.Kernels.Debian;

/// <summary>
/// The harness's private apt state of one suite, used the one way every user needs it: under the
/// suite's lock (apt runs with locking off, see <see cref="SuiteLock"/>), prepared against the host's
/// mirror, with lists older than the limit refreshed. Kernel images, kernel sources and the doctor
/// share it, so the lock, the state's place and the freshness rule are written once.
/// </summary>
/// <param name="gates">Shared by every user of the per-suite states in this process.</param>
public sealed class SuiteApt(
    string cacheRoot, Func<ArchiveMirror> mirror, TimeSpan maxListAge, TimeProvider time, Action<string> log,
    ConcurrentDictionary<string, SemaphoreSlim> gates)
{
    /// <summary>Runs <paramref name="use"/> on the suite's state while holding its lock.</summary>
    public async Task<T> UseAsync<T>(string suite, Func<Session, Task<T>> use, CancellationToken ct)
    {
        using (await SuiteLock.AcquireAsync(cacheRoot, suite, gates, log, ct))
        {
            var state = new PrivateAptState(Path.Combine(cacheRoot, "apt", suite), suite);
            await state.PrepareAsync(mirror(), ct);
            return await use(new Session(state, new AptClient(state), time, maxListAge));
        }
    }

    /// <summary>The suite's state while its lock is held.</summary>
    public sealed class Session(PrivateAptState state, AptClient apt, TimeProvider time, TimeSpan maxListAge)
    {
        public AptClient Apt => apt;

        /// <summary>The suite's private state, for what is kept beside its lists (<see cref="ResolutionMemo"/>).</summary>
        public PrivateAptState State => state;

        /// <summary>When the lists were last updated; null when they never were.</summary>
        public DateTimeOffset? ListsUpdatedAt => state.ListsUpdatedAt;

        public bool ListsAreFresh => state.ListsUpdatedAt is { } updated && time.GetUtcNow() - updated < maxListAge;

        /// <summary><c>apt-get update</c>, and the time it succeeded recorded.</summary>
        /// <exception cref="KernelAcquisitionException">The archive did not answer.</exception>
        public async Task UpdateListsAsync(CancellationToken ct)
        {
            await apt.UpdateAsync(ct);
            await state.MarkListsUpdatedAsync(time.GetUtcNow(), ct);
        }
    }
}
