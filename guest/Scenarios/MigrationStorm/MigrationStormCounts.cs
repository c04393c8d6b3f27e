using Protocol;

namespace Guest.Scenarios.MigrationStorm;

/// <summary>The counters of one migration_storm run, in the order the counters line shows them.</summary>
internal sealed record MigrationStormCounts(
    int Threads,
    long Migrations,
    long Comparisons,
    long RacedComparisons,
    long RightOnReread,
    long Mismatches,
    long FailedRepins,
    int Cpus,
    long ElapsedMs,
    long NegativeCpuIds = 0)
{
    public IReadOnlyList<KeyValuePair<string, long>> ToCounters() =>
    [
        new(CounterNames.Threads, Threads),
        new(CounterNames.Migrations, Migrations),
        new(CounterNames.Comparisons, Comparisons),
        new(CounterNames.RacedComparisons, RacedComparisons),
        new(CounterNames.RightOnReread, RightOnReread),
        new(CounterNames.Mismatches, Mismatches),
        new(CounterNames.FailedRepins, FailedRepins),
        new(CounterNames.Cpus, Cpus),
        new(CounterNames.ElapsedMs, ElapsedMs),
        new(CounterNames.NegativeCpuIds, NegativeCpuIds),
    ];
}
