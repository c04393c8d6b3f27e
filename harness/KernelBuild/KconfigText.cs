using System.Text.RegularExpressions;

namespace Harness.KernelBuild;

/// <summary>Reads the assignments of a .config or of a fragment; both have the same syntax.</summary>
public static partial class KconfigText
{
    /// <summary>The assignments in file order; a later one for the same symbol wins, as in Kconfig.</summary>
    public static IReadOnlyList<ConfigOption> Parse(string text)
    {
        var options = new List<ConfigOption>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            var assignment = Assignment().Match(line);
            if (assignment.Success)
            {
                options.Add(new(assignment.Groups["name"].Value, assignment.Groups["value"].Value));
                continue;
            }
            var notSet = NotSetComment().Match(line);
            if (notSet.Success)
                options.Add(new(notSet.Groups["name"].Value, ConfigOption.NotSet));
        }
        return options;
    }

    /// <summary>The final value of each symbol.</summary>
    public static IReadOnlyDictionary<string, string> Values(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in Parse(text))
            values[option.Name] = option.Value;
        return values;
    }

    [GeneratedRegex(@"^(?<name>CONFIG_[A-Za-z0-9_]+)=(?<value>.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^# (?<name>CONFIG_[A-Za-z0-9_]+) is not set$")]
    private static partial Regex NotSetComment();
}
