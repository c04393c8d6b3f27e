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
    /// fork_cpu_id: unpinned forked children that saw cpu_id differ from getcpu for fewer rounds than
    /// a stale value lasts, which a real migration between reads explains. Not a failure: it shows
    /// migrations happened while the child was checking. (Pinned threads have no such allowance:
    /// see <see cref="RightOnReread"/>.)
    /// </summary>
    public const string ResolvedMismatches = "resolved_mismatches";

    /// <summary>
    /// Forks that failed, and children that hung, crashed by another signal than SIGSEGV, or left no
    /// report. Above a small share of the children the run is an ERROR.
    /// </summary>
    public const string FailedChildren = "failed_children";

    /// <summary>
    /// Forked children killed by SIGSEGV, the kernel's kill for an invalid rseq critical section or
    /// abort signature: a FAIL.
    /// </summary>
    public const string SegvChildren = "segv_children";

    /// <summary>
    /// Reads of cpu_id as -1 or -2 mid-run by a thread (or forked child) whose registration worked: a
    /// FAIL. Counted per forked child, per pin in affinity_pin, per round in migration_storm.
    /// </summary>
    public const string NegativeCpuIds = "negative_cpu_ids";

    /// <summary>
    /// affinity_pin and migration_storm: of the mismatches (each a FAIL, as the thread could not
    /// migrate), those that a re-read made a moment later showed right, the mark of a kernel that
    /// refreshes cpu_id late (at the next tick, say) rather than never.
    /// </summary>
    public const string RightOnReread = "right_on_reread";

    /// <summary>Worker threads a multi-threaded scenario ran.</summary>
    public const string Threads = "threads";

    /// <summary>node_id_mm_cid: sampling intervals recorded by all threads.</summary>
    public const string Samples = "samples";

    /// <summary>node_id_mm_cid: intervals in which the thread provably kept its CPU and mm_cid (no context switch).</summary>
    public const string UndisturbedSamples = "undisturbed_samples";

    /// <summary>node_id_mm_cid: undisturbed intervals whose node_id was not the node of the CPU getcpu named.</summary>
    public const string NodeMismatches = "node_mismatches";

    /// <summary>node_id_mm_cid: mm_cid reads not below min(CPUs allowed to the process, threads of the process alive then).</summary>
    public const string CidOutOfRange = "cid_out_of_range";

    /// <summary>node_id_mm_cid: the bound mm_cid had to stay below, min(threads alive, CPUs allowed to the process).</summary>
    public const string CidBound = "cid_bound";

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
    /// cs_abort: involuntary context switches (getrusage ru_nivcsw) of the workers while they ran the
    /// armed critical section; with many of them and no abort, the kernel never aborted: a FAIL.
    /// </summary>
    public const string InvoluntarySwitches = "involuntary_switches";

    /// <summary>cs_abort: increments of the same code run unarmed (rseq_cs cleared) on the same threads, under the same migrator.</summary>
    public const string UnarmedIncrements = "unarmed_increments";

    /// <summary>
    /// cs_abort: unarmed increments minus the sum of their own per-CPU counters: the lost updates
    /// that rseq's abort prevents. None means the stress could not have shown a missing abort: an ERROR.
    /// </summary>
    public const string UnarmedLostUpdates = "unarmed_lost_updates";

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

    /// <summary>Pins after which cpu_id or cpu_id_start named another CPU than the target in any read (a FAIL).</summary>
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

    /// <summary>Comparisons with no re-pin racing them where cpu_id disagreed with getcpu (each a FAIL).</summary>
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
