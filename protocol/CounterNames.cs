namespace Protocol;

/// <summary>
/// The names of the counters a scenario reports in its diagnostics line. The harness reads them by
/// these names to show evidence and to judge whether enough stress happened.
/// </summary>
public static class CounterNames
{
    /// <summary>Children forked.</summary>
    public const string Forks = "forks";

    /// <summary>Forked children whose first getcpu differed from the parent's CPU at fork time.</summary>
    public const string CrossCpuStarts = "cross_cpu_starts";

    /// <summary>Forked children that saw a stale cpu_id surviving every re-check.</summary>
    public const string StaleChildren = "stale_children";

    /// <summary>
    /// Forked children that saw cpu_id differ from getcpu only around a real migration (resolved on
    /// re-read). Not a failure: it shows migrations happened while the child was checking.
    /// </summary>
    public const string ResolvedMismatches = "resolved_mismatches";

    /// <summary>Forks that failed, and children that crashed, hung or left no report.</summary>
    public const string FailedChildren = "failed_children";

    /// <summary>Online CPUs the guest saw.</summary>
    public const string Cpus = "cpus";

    /// <summary>Wall-clock milliseconds the scenario ran for.</summary>
    public const string ElapsedMs = "elapsed_ms";

    // affinity_pin

    /// <summary>Forked children that reported their pins.</summary>
    public const string Children = "children";

    /// <summary>sched_setaffinity calls to one CPU that returned with the thread on that CPU.</summary>
    public const string Pins = "pins";

    /// <summary>Pins after which cpu_id or cpu_id_start stayed on another CPU than the target over every re-read.</summary>
    public const string PinMismatches = "pin_mismatches";

    /// <summary>Of <see cref="PinMismatches"/>, those after the first pin, to the CPU the child already ran on.</summary>
    public const string FirstPinMismatches = "first_pin_mismatches";

    /// <summary>Pins that failed or left the thread on another CPU than the target (not a verdict on rseq).</summary>
    public const string FailedPins = "failed_pins";

    // migration_storm

    /// <summary>Worker threads that compared cpu_id with getcpu.</summary>
    public const string Threads = "threads";

    /// <summary>Re-pins of a worker to another CPU than its previous one.</summary>
    public const string Migrations = "migrations";

    /// <summary>Comparisons of cpu_id with getcpu made with no re-pin of that thread in progress or in between.</summary>
    public const string Comparisons = "comparisons";

    /// <summary>Rounds thrown away because a re-pin raced them (sequence odd or changed).</summary>
    public const string RacedComparisons = "raced_comparisons";

    /// <summary>Comparisons where cpu_id disagreed with getcpu and still did on a re-check with no re-pin between.</summary>
    public const string Mismatches = "mismatches";

    /// <summary>Re-pins whose sched_setaffinity failed.</summary>
    public const string FailedRepins = "failed_repins";

    // legacy_cpu_id_start

    /// <summary>Sleeps after writing the sentinel into cpu_id_start.</summary>
    public const string Sleeps = "sleeps";

    /// <summary>Sleeps during which the thread really was switched out (its voluntary switch count rose).</summary>
    public const string SwitchedSleeps = "switched_sleeps";

    /// <summary>Switched sleeps after which cpu_id_start still held the sentinel: the kernel did not rewrite it.</summary>
    public const string SentinelSurvived = "sentinel_survived";

    /// <summary>Switched sleeps after which cpu_id_start was rewritten, but not to the CPU getcpu names.</summary>
    public const string WrongCpuRewrites = "wrong_cpu_rewrites";

    /// <summary>The CPU the probe pinned itself to.</summary>
    public const string PinnedCpu = "pinned_cpu";
}
