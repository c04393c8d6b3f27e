namespace Harness.KernelBuild;

/// <summary>
/// Which options of a fragment did not survive olddefconfig. Kconfig silently drops an option whose
/// dependencies are off (or that a newer kernel renamed), and a kernel without, say, RSEQ or SMP would
/// pass or fail for the wrong reason, so every such option is an error. An option the tree does not
/// know at all is lost the same way; only an any-of group (<see cref="ConfigFragment"/>) lets a
/// member go missing, and then one of its members must have survived.
/// </summary>
public static class FragmentCheck
{
    /// <summary>One entry per lost option, e.g. "CONFIG_NUMA=y (got n)".</summary>
    public static IReadOnlyList<string> Lost(IReadOnlyList<ConfigOption> fragment, IReadOnlyDictionary<string, string> config) =>
        Lost(new ConfigFragment(fragment, []), config);

    /// <summary>
    /// One entry per lost option or group, e.g. "CONFIG_NUMA=y (got n)" or "one of CONFIG_A=y (got
    /// nothing), CONFIG_B=y (got n)".
    /// </summary>
    public static IReadOnlyList<string> Lost(ConfigFragment fragment, IReadOnlyDictionary<string, string> config)
    {
        // A fragment that names a symbol twice means its last value, as Kconfig reads it.
        var wanted = fragment.Options.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var grouped = fragment.AnyOf.SelectMany(group => group).ToHashSet(StringComparer.Ordinal);
        var lost = new List<string>();
        foreach (var option in wanted.Values.Where(o => !grouped.Contains(o.Name)))
            if (!Survived(option, config))
                lost.Add(Describe(option, config));
        foreach (var group in fragment.AnyOf)
            if (!group.Any(name => Survived(wanted[name], config)))
                lost.Add("one of " + string.Join(", ", group.Select(name => Describe(wanted[name], config))));
        return lost;
    }

    // Kconfig writes a bool that is off either as "is not set" or not at all (when invisible).
    static bool Survived(ConfigOption wanted, IReadOnlyDictionary<string, string> config) =>
        (config.TryGetValue(wanted.Name, out var value) ? value : ConfigOption.NotSet) == wanted.Value;

    static string Describe(ConfigOption wanted, IReadOnlyDictionary<string, string> config) =>
        $"{wanted} (got {(config.TryGetValue(wanted.Name, out var value) ? value : "nothing")})";
}
