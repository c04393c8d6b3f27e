using System.Text;

namespace Harness.KernelBuild;

/// <summary>
/// Merges a fragment into a .config the way scripts/kconfig/merge_config.sh -m does: each symbol of the
/// fragment replaces the base's line for it; olddefconfig then fills in what the new values expose.
/// Done here rather than with the script so the result is testable and no shell is involved.
/// </summary>
public static class ConfigMerge
{
    public static string Merge(string baseConfig, IReadOnlyList<ConfigOption> fragment)
    {
        var overridden = fragment.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var merged = new StringBuilder();
        foreach (var line in baseConfig.Split('\n'))
        {
            var parsed = KconfigText.Parse(line);
            if (parsed.Count == 1 && overridden.Contains(parsed[0].Name))
                continue;
            merged.Append(line).Append('\n');
        }
        var text = merged.ToString().TrimEnd('\n') + "\n";
        var lastValues = fragment.GroupBy(o => o.Name).Select(g => g.Last());
        foreach (var option in lastValues)
            text += option.Value == ConfigOption.NotSet ? $"# {option.Name} is not set\n" : $"{option.Name}={option.Value}\n";
        return text;
    }
}
