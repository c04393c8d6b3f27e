namespace Protocol;

/// <summary>
/// The names of the guest's scenarios. The guest runs them by these names, the harness shows them
/// as table columns and selects them in kernels.yaml, so both sides take them from here.
/// </summary>
public static class ScenarioNames
{
    /// <summary>Forked children inheriting the registration; stale cpu_id (fixed by ce3614daabea).</summary>
    public const string ForkCpuId = "fork_cpu_id";

    /// <summary>Every scenario the guest knows, in the order it runs them.</summary>
    public static IReadOnlyList<string> All { get; } = [ForkCpuId];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
