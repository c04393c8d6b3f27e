namespace Protocol;

/// <summary>
/// The names of the guest's scenarios. The guest runs them by these names, the harness shows them
/// as table columns and selects them in kernels.yaml, so both sides take them from here.
/// </summary>
public static class ScenarioNames
{
    /// <summary>Forked children inheriting the registration; stale cpu_id (fixed by ce3614daabea).</summary>
    public const string ForkCpuId = "fork_cpu_id";

    /// <summary>glibc's tst-affinity: a forked child pins itself to each CPU in turn and reads cpu_id after each pin.</summary>
    public const string AffinityPin = "affinity_pin";

    /// <summary>Threads re-pinned to random CPUs while they compare cpu_id with getcpu under a sequence counter.</summary>
    public const string MigrationStorm = "migration_storm";

    /// <summary>A 32-byte (ABI v1) registration gets cpu_id_start rewritten after every context switch (TCMalloc's contract).</summary>
    public const string LegacyCpuIdStart = "legacy_cpu_id_start";

    /// <summary>rseq node_id and mm_cid (6.3+): the CPU's node, a bounded and unique concurrency id.</summary>
    public const string NodeIdMmCid = "node_id_mm_cid";

    /// <summary>A real rseq critical section: per-CPU counters stay exact under aborts by preemption and migration.</summary>
    public const string CsAbort = "cs_abort";

    /// <summary>Every scenario the guest knows, in the order it runs them.</summary>
    public static IReadOnlyList<string> All { get; } = [ForkCpuId, AffinityPin, MigrationStorm, NodeIdMmCid, CsAbort, LegacyCpuIdStart];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// Prefix of the result names of the kernel's own rseq selftests, which the guest runs after its
    /// scenarios when the image carries them (<c>selftest:basic_test</c>). They are a second opinion:
    /// shown beside the scenarios, never part of a kernel's expectation.
    /// </summary>
    public const string SelftestPrefix = "selftest:";

    public static bool IsSelftest(string name) => name.StartsWith(SelftestPrefix, StringComparison.Ordinal);
}
