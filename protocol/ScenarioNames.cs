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

    /// <summary>migration_storm on the guest's own registration longer than 32 bytes (ABI v2), glibc's off.</summary>
    public const string MigrationStormV2 = "migration_storm_v2";

    /// <summary>node_id_mm_cid on the guest's own registration longer than 32 bytes (ABI v2), glibc's off.</summary>
    public const string NodeIdMmCidV2 = "node_id_mm_cid_v2";

    /// <summary>cs_abort on the guest's own registration longer than 32 bytes (ABI v2), glibc's off.</summary>
    public const string CsAbortV2 = "cs_abort_v2";

    /// <summary>Every scenario the guest knows, in the order it runs them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ForkCpuId, AffinityPin, MigrationStorm, NodeIdMmCid, CsAbort, LegacyCpuIdStart, MigrationStormV2, NodeIdMmCidV2, CsAbortV2];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// The scenario a _v2 scenario runs, with the same checks and verdict, on an ABI v2 registration;
    /// null for a scenario that is not one. glibc (up to 2.39, as in the guest image) registers 32
    /// bytes, so without these a 7.x kernel would only ever run its legacy (v1) path here.
    /// </summary>
    public static string? AbiV1TwinOf(string name) => name switch
    {
        MigrationStormV2 => MigrationStorm,
        NodeIdMmCidV2 => NodeIdMmCid,
        CsAbortV2 => CsAbort,
        _ => null,
    };

    public static bool IsAbiV2(string name) => AbiV1TwinOf(name) is not null;

    /// <summary>
    /// Prefix of the result names of the kernel's own rseq selftests, which the guest runs after its
    /// scenarios when the image carries them (<c>selftest:basic_test</c>). They are a second opinion:
    /// shown beside the scenarios, never part of a kernel's expectation.
    /// </summary>
    public const string SelftestPrefix = "selftest:";

    public static bool IsSelftest(string name) => name.StartsWith(SelftestPrefix, StringComparison.Ordinal);
}
