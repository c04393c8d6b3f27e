namespace Harness.KernelBuild;

/// <summary>
/// Which options of a fragment did not survive olddefconfig. Kconfig silently drops an option whose
/// dependencies are off (or that a newer kernel renamed), and a kernel without, say, RSEQ or SMP would
/// pass or fail for the wrong reason, so every such option is an error.
/// </summary>
public static class FragmentCheck
{
    /// <summary>One entry per lost option, e.g. "CONFIG_NUMA=y (got n)".</summary>
    public static IReadOnlyList<string> Lost(IReadOnlyList<ConfigOption> fragment, IReadOnlyDictionary<string, string> config)
    {
        var lost = new List<string>();
        // A fragment that names a symbol twice means its last value, as Kconfig reads it.
        foreach (var wanted in fragment.GroupBy(o => o.Name).Select(g => g.Last()))
        {
            // Kconfig writes a bool that is off either as "is not set" or not at all (when invisible).
            var actual = config.TryGetValue(wanted.Name, out var value) ? value : ConfigOption.NotSet;
            if (actual != wanted.Value)
                lost.Add($"{wanted} (got {(config.ContainsKey(wanted.Name) ? actual : "nothing")})");
        }
        return lost;
    }
}
