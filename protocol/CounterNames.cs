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

    /// <summary>Worker threads a multi-threaded scenario ran.</summary>
    public const string Threads = "threads";

    /// <summary>node_id_mm_cid: sampling intervals recorded by all threads.</summary>
    public const string Samples = "samples";

    /// <summary>node_id_mm_cid: intervals in which the thread provably kept its CPU and mm_cid (no context switch).</summary>
    public const string UndisturbedSamples = "undisturbed_samples";

    /// <summary>node_id_mm_cid: undisturbed intervals whose node_id was not the node of the CPU getcpu named.</summary>
    public const string NodeMismatches = "node_mismatches";

    /// <summary>node_id_mm_cid: mm_cid reads not below min(possible CPUs, threads of the process).</summary>
    public const string CidOutOfRange = "cid_out_of_range";

    /// <summary>node_id_mm_cid: distinct mm_cid values seen.</summary>
    public const string DistinctCids = "distinct_cids";

    /// <summary>node_id_mm_cid: pairs of undisturbed intervals of two threads on two CPUs that overlapped in time.</summary>
    public const string OverlapsChecked = "overlaps_checked";

    /// <summary>node_id_mm_cid: overlapping pairs that showed the same mm_cid (two running threads, one cid).</summary>
    public const string CidCollisions = "cid_collisions";

    /// <summary>
    /// node_id_mm_cid: overlapping undisturbed intervals on one CPU, which only clock skew between CPUs
    /// can produce. Not judged; a non-zero value would cast doubt on the overlap timing.
    /// </summary>
    public const string SameCpuOverlaps = "same_cpu_overlaps";

    /// <summary>NUMA nodes in sysfs (1 without NUMA).</summary>
    public const string NumaNodes = "numa_nodes";

    /// <summary>NUMA nodes with undisturbed node_id samples on one of their CPUs: node_id is only checked where it was seen.</summary>
    public const string NodesCovered = "nodes_covered";

    /// <summary>cs_abort: critical sections that committed their increment.</summary>
    public const string Increments = "increments";

    /// <summary>cs_abort: critical sections the kernel aborted (preemption, migration or signal inside).</summary>
    public const string Aborts = "aborts";

    /// <summary>cs_abort: the sum of the per-CPU counters at the end; must equal increments.</summary>
    public const string CounterSum = "counter_sum";

    /// <summary>cs_abort: critical sections that read a cpu_id beyond the possible CPUs (and so did not increment).</summary>
    public const string CpuIdOutOfRange = "cpu_id_out_of_range";

    /// <summary>cs_abort: sched_setaffinity calls of the migrator thread that moved a worker.</summary>
    public const string Repins = "repins";

    /// <summary>
    /// The rseq_len the scenario's threads registered with: 32 for ABI v1 (glibc's or the guest's own),
    /// more for ABI v2. Absent when the scenario had no registration.
    /// </summary>
    public const string RseqLength = "rseq_len";

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

    // Threads (above) counts the worker threads that compared cpu_id with getcpu.

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
