using System.Text.RegularExpressions;

namespace Harness.KernelBuild;

/// <summary>
/// A config fragment as the builder reads it: the assignments merged onto tinyconfig, and its
/// "# harness: any-of CONFIG_A CONFIG_B" groups. A group names switches of which one surviving
/// olddefconfig is enough, for a feature whose switch a kernel version replaced: rseq's debug
/// checks are DEBUG_RSEQ up to 6.18 and RSEQ_DEBUG_DEFAULT_ENABLE from 6.19 on (x86), and a
/// fragment for bisecting across both must name both. Kconfig itself reads the line as a comment.
/// </summary>
public sealed partial record ConfigFragment(IReadOnlyList<ConfigOption> Options, IReadOnlyList<IReadOnlyList<string>> AnyOf)
{
    /// <exception cref="FormatException">A "# harness:" line that is not an any-of of two or more symbols the fragment sets.</exception>
    public static ConfigFragment Parse(string text)
    {
        var options = KconfigText.Parse(text);
        var set = options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var groups = new List<IReadOnlyList<string>>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (!Directive().IsMatch(line))
                continue;
            var anyOf = AnyOfDirective().Match(line);
            if (!anyOf.Success)
                throw new FormatException($"'{line}': the only harness directive is 'any-of CONFIG_A CONFIG_B …'");
            var names = anyOf.Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var unset = names.Where(name => !set.Contains(name)).ToList();
            // A typo here would quietly exempt the misspelt option from the survival check.
            if (unset.Count > 0)
                throw new FormatException($"'{line}' names {string.Join(", ", unset)}, which the fragment does not set");
            if (names.Length < 2)
                throw new FormatException($"'{line}' needs two or more symbols");
            groups.Add(names);
        }
        return new(options, groups);
    }

    [GeneratedRegex(@"^#\s*harness:")]
    private static partial Regex Directive();

    [GeneratedRegex(@"^#\s*harness:\s*any-of(?<names>(\s+CONFIG_[A-Za-z0-9_]+)+)\s*$")]
    private static partial Regex AnyOfDirective();
}
