using System.Text.RegularExpressions;

namespace Harness.Bisect;

/// <summary>
/// Where <c>git bisect</c> stands after a start or a verdict, read from what it prints: the first
/// bad commit, only skipped commits left (and which), or another commit checked out to test.
/// </summary>
public sealed record BisectProgress(string? FirstBad, IReadOnlyList<string> SkippedCandidates)
{
    public bool Finished => FirstBad is not null || SkippedCandidates.Count > 0;

    static readonly Regex FirstBadLine = new(@"^([0-9a-f]{40}) is the first bad commit$", RegexOptions.Multiline);
    static readonly Regex HashLine = new(@"^([0-9a-f]{40})$", RegexOptions.Multiline);
    const string OnlySkipped = "There are only 'skip'ped commits left to test.";

    public static BisectProgress Parse(string output)
    {
        if (FirstBadLine.Match(output) is { Success: true } found)
            return new(found.Groups[1].Value, []);
        if (output.Contains(OnlySkipped, StringComparison.Ordinal))
            return new(null, HashLine.Matches(output).Select(m => m.Groups[1].Value).ToList());
        return new(null, []);
    }
}
