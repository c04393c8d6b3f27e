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

    /// <summary>Every scenario the guest knows, in the order it runs them.</summary>
    public static IReadOnlyList<string> All { get; } = [ForkCpuId, AffinityPin, MigrationStorm, LegacyCpuIdStart];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
