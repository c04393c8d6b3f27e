namespace Protocol;

/// <summary>
/// The names of the guest's scenarios. The guest runs them by these names, the harness shows them
/// as table columns and selects them in kernels.yaml, so both sides take them from here.
/// </summary>
public static class ScenarioNames
{
    /// <summary>Forked children inheriting the registration; stale cpu_id (fixed by ce3614daabea).</summary>
    public const string ForkCpuId = "fork_cpu_id";

    /// <summary>rseq node_id and mm_cid (6.3+): the CPU's node, a bounded and unique concurrency id.</summary>
    public const string NodeIdMmCid = "node_id_mm_cid";

    /// <summary>A real rseq critical section: per-CPU counters stay exact under aborts by preemption and migration.</summary>
    public const string CsAbort = "cs_abort";

    /// <summary>Every scenario the guest knows, in the order it runs them.</summary>
    public static IReadOnlyList<string> All { get; } = [ForkCpuId, NodeIdMmCid, CsAbort];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
