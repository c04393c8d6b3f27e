using Protocol;

namespace Guest.Scenarios.MigrationStorm;

/// <summary>The counters of one migration_storm run, in the order the counters line shows them.</summary>
internal sealed record MigrationStormCounts(
    int Threads,
    long Migrations,
    long Comparisons,
    long RacedComparisons,
    long ResolvedMismatches,
    long Mismatches,
    long FailedRepins,
    int Cpus,
    long ElapsedMs)
{
    public IReadOnlyList<KeyValuePair<string, long>> ToCounters() =>
    [
        new(CounterNames.Threads, Threads),
        new(CounterNames.Migrations, Migrations),
        new(CounterNames.Comparisons, Comparisons),
        new(CounterNames.RacedComparisons, RacedComparisons),
        new(CounterNames.ResolvedMismatches, ResolvedMismatches),
        new(CounterNames.Mismatches, Mismatches),
        new(CounterNames.FailedRepins, FailedRepins),
        new(CounterNames.Cpus, Cpus),
        new(CounterNames.ElapsedMs, ElapsedMs),
    ];
}
