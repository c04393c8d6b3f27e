using Protocol;

namespace Guest.Scenarios.CsAbort;

/// <summary>The counters of one cs_abort run, in the order the counters line shows them.</summary>
/// <param name="InvoluntarySwitches">Preemptions of the workers while they ran the armed section.</param>
/// <param name="UnarmedIncrements">Increments of the same code run unarmed, on the same threads under the same migrator.</param>
/// <param name="UnarmedLostUpdates">Unarmed increments minus the sum of the unarmed counters: updates lost without rseq's abort.</param>
internal sealed record CsAbortCounts(
    int Threads,
    long Increments,
    long Aborts,
    long CounterSum,
    long CpuIdOutOfRange,
    long Repins,
    int Cpus,
    long ElapsedMs,
    long InvoluntarySwitches,
    long UnarmedIncrements,
    long UnarmedLostUpdates)
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
        new(CounterNames.InvoluntarySwitches, InvoluntarySwitches),
        new(CounterNames.UnarmedIncrements, UnarmedIncrements),
        new(CounterNames.UnarmedLostUpdates, UnarmedLostUpdates),
    ];
}
