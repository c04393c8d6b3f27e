using Guest.Rseq;
using Guest.Scenarios.MigrationStorm;
using Protocol;

namespace Guest.Tests.Scenarios.MigrationStorm;

/// <summary>migration_storm runs recorded under QEMU TCG (see MigrationStormVerdictTests), for <see cref="ScenarioKtapTests"/>.</summary>
static class MigrationStormKtapCases
{
    const string Name = ScenarioNames.MigrationStorm;

    static readonly string[] CounterOrder =
    [
        CounterNames.Threads, CounterNames.Migrations, CounterNames.Comparisons, CounterNames.RacedComparisons,
        CounterNames.RightOnReread, CounterNames.Mismatches, CounterNames.FailedRepins, CounterNames.Cpus,
        CounterNames.ElapsedMs, CounterNames.NegativeCpuIds,
    ];

    public static IEnumerable<ScenarioKtapCase> All()
    {
        // Debian 6.1.0-50, 4 vCPUs, 3 s, 4 workers: no evidence, as no mismatch resolved and no re-pin failed.
        var fixedKernel = new MigrationStormCounts(4, 307, 2_260_014, 132_536, 0, 0, 0, Cpus: 4, ElapsedMs: 3194);
        yield return new("Debian 6.1 with hundreds of migrations", Name, ScenarioVerdict.Pass,
            MigrationStormVerdict.Judge(fixedKernel, null, []),
            ScenarioKtapCase.CountersOf(CounterOrder, 4, 307, 2_260_014, 132_536, 0, 0, 0, 4, 3194, 0));

        // 6.18 with a worker overwriting its own cpu_id now and then: stale until its next migration.
        var staleCpuId = new MigrationStormCounts(2, 2353, 4_237_507, 7_021_031, 1, 145_625, 0, Cpus: 2, ElapsedMs: 2003);
        string[] mismatches =
        [
            "worker 0 pinned to cpu 1: cpu_id=7/7 getcpu=1 seq=82, re-check cpu_id=7/7 getcpu=1 seq=82",
            "worker 1 pinned to cpu 0: cpu_id=7/7 getcpu=0 seq=95, re-check cpu_id=7/7 getcpu=0 seq=95",
        ];
        yield return new("6.18 with a worker's cpu_id left stale", Name, ScenarioVerdict.Fail,
            MigrationStormVerdict.Judge(staleCpuId, null, mismatches),
            ScenarioKtapCase.CountersOf(CounterOrder, 2, 2353, 4_237_507, 7_021_031, 1, 145_625, 0, 2, 2003, 0),
            "145625 of 4237507 comparisons");

        // A one-second run on a loaded host: the migrator re-pinned too rarely.
        var fewMigrations = new MigrationStormCounts(4, 31, 801_377, 40_112, 0, 0, 0, Cpus: 4, ElapsedMs: 1012);
        yield return new("a short run with few re-pins", Name, ScenarioVerdict.Error,
            MigrationStormVerdict.Judge(fewMigrations, null, []),
            ScenarioKtapCase.CountersOf(CounterOrder, 4, 31, 801_377, 40_112, 0, 0, 0, 4, 1012, 0),
            ScenarioKtapTests.InsufficientStress, "31 migrations", $"need {MigrationStormVerdict.MinimumMigrations}");

        var noRseq = new MigrationStormCounts(4, 0, 0, 0, 0, 0, 0, Cpus: 4, ElapsedMs: 2);
        yield return new("kernel without the rseq system call", Name, ScenarioVerdict.Skip,
            MigrationStormVerdict.Judge(noRseq, RseqRegistrar.ProblemOf(38), []),
            ScenarioKtapCase.CountersOf(CounterOrder, 4, 0, 0, 0, 0, 0, 0, 4, 2, 0),
            SkipReasons.NoRseqPrefix, "ENOSYS");
    }
}
