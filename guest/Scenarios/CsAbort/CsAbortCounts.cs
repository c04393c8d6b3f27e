using Protocol;

namespace Guest.Scenarios.CsAbort;

/// <summary>The counters of one cs_abort run, in the order the counters line shows them.</summary>
internal sealed record CsAbortCounts(
    int Threads,
    long Increments,
    long Aborts,
    long CounterSum,
    long CpuIdOutOfRange,
    long Repins,
    int Cpus,
    long ElapsedMs)
{
    public IReadOnlyList<KeyValuePair<string, long>> ToCounters() =>
    [
        new(CounterNames.Threads, Threads),
        new(CounterNames.Increments, Increments),
        new(CounterNames.Aborts, Aborts),
        new(CounterNames.CounterSum, CounterSum),
        new(CounterNames.CpuIdOutOfRange, CpuIdOutOfRange),
        new(CounterNames.Repins, Repins),
        new(CounterNames.Cpus, Cpus),
        new(CounterNames.ElapsedMs, ElapsedMs),
    ];
}
