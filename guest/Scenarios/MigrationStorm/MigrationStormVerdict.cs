using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.MigrationStorm;

/// <summary>The verdict of migration_storm from its counters: a pure function, tested on recorded runs.</summary>
internal static class MigrationStormVerdict
{
    public const int MinimumCpus = 2;

    /// <summary>
    /// Re-pins to another CPU: the KVM rseq_test also fails a run that migrated too little. Sized for
    /// TCG, where re-pinning a busy thread takes about 10 ms: 158 to 481 in 3 s with 4 vCPUs on a
    /// loaded host. Each migration is followed by thousands of comparisons on the new CPU.
    /// </summary>
    public const int MinimumMigrations = 50;

    /// <summary>Comparisons made with no re-pin racing them.</summary>
    public const int MinimumComparisons = 1000;

    /// <summary>The storm has <paramref name="multiple"/> times every stress minimum a PASS needs.</summary>
    public static bool StressReached(long migrations, long comparisons, double multiple) =>
        migrations >= StressTarget.Of(MinimumMigrations, multiple) && comparisons >= StressTarget.Of(MinimumComparisons, multiple);

    /// <summary>One mismatch in a round no re-pin raced, or one negative cpu_id, is already the FAIL: no need to storm on.</summary>
    public static bool FailConfirmed(long mismatches, long negativeCpuIds) => mismatches > 0 || negativeCpuIds > 0;

    /// <param name="rseqProblem">Why a worker had no rseq area (a SKIP only when the kernel lacks rseq); null when all had one.</param>
    public static ScenarioOutcome Judge(MigrationStormCounts counts, RseqProblem? rseqProblem, IReadOnlyList<string> evidence)
    {
        var (verdict, reason) = Decide(counts, rseqProblem);
        return new ScenarioOutcome(verdict, reason, counts.ToCounters(), RseqProblem.EvidenceOf(rseqProblem, evidence));
    }

    static (ScenarioVerdict Verdict, string? Reason) Decide(MigrationStormCounts counts, RseqProblem? rseqProblem)
    {
        if (counts.Cpus < MinimumCpus)
            return (ScenarioVerdict.Error, $"needs at least {MinimumCpus} CPUs, saw {counts.Cpus}");
        if (rseqProblem is not null)
            return (rseqProblem.Verdict, rseqProblem.Reason);
        var failures = new List<string>();
        if (counts.NegativeCpuIds > 0)
            failures.Add($"cpu_id read -1 or -2 in {counts.NegativeCpuIds} rounds of registered threads");
        if (counts.Mismatches > 0)
            failures.Add($"cpu_id disagreed with getcpu in {counts.Mismatches} of {counts.Comparisons} comparisons "
                + $"with no re-pin racing them ({counts.RightOnReread} right on a re-read, a late refresh)");
        if (failures.Count > 0)
            return (ScenarioVerdict.Fail, string.Join("; ", failures));
        if (counts.Migrations < MinimumMigrations)
            return (ScenarioVerdict.Error,
                $"insufficient stress: {counts.Migrations} migrations ({counts.FailedRepins} re-pins failed), need {MinimumMigrations}");
        if (counts.Comparisons < MinimumComparisons)
            return (ScenarioVerdict.Error,
                $"insufficient stress: {counts.Comparisons} comparisons ({counts.RacedComparisons} raced), need {MinimumComparisons}");
        return (ScenarioVerdict.Pass, null);
    }
}
