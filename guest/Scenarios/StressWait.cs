using System.Diagnostics;

namespace Guest.Scenarios;

/// <summary>
/// Where a threaded scenario's main thread waits while its workers stress: until they have enough
/// (the stress target, or a confirmed FAIL) or the cap is up. It polls, because the counts live in
/// the workers' own fields; a poll every few tens of milliseconds costs nothing beside the stress
/// and stops the run at most that much after the target.
/// </summary>
internal static class StressWait
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <returns>The time waited.</returns>
    public static TimeSpan Until(Func<bool> enough, TimeSpan cap)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!enough())
        {
            var left = cap - stopwatch.Elapsed;
            if (left <= TimeSpan.Zero)
                break;
            Thread.Sleep(left < PollInterval ? left : PollInterval);
        }
        return stopwatch.Elapsed;
    }
}
