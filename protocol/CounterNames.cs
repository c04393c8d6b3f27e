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
}
