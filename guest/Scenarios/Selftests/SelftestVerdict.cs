using System.Globalization;
using System.Text.RegularExpressions;
using Protocol;

namespace Guest.Scenarios.Selftests;

/// <summary>
/// Reads a selftest's end: older selftests speak only through their exit status; newer ones print
/// KTAP through the kselftest harness, whose "# Totals:" line and "not ok" lines become counters
/// and evidence. The exit status decides in both cases, as kselftest's own runner does.
/// </summary>
internal static partial class SelftestVerdict
{
    /// <summary>kselftest's KSFT_SKIP: the test found nothing it could check (no rseq, say).</summary>
    public const int SkipExitCode = 4;

    public static ScenarioOutcome Judge(int exitCode, string output, string errors, TimeSpan elapsed)
    {
        var counters = new List<KeyValuePair<string, long>>
        {
            new("exit", exitCode),
            new("elapsed_ms", (long)elapsed.TotalMilliseconds),
        };
        counters.AddRange(Totals(output));
        var lines = Lines(output + "\n" + errors);
        if (exitCode == 0)
            return new ScenarioOutcome(ScenarioVerdict.Pass, null, counters, []);
        var lastLine = lines.LastOrDefault() ?? "no output";
        if (exitCode == SkipExitCode)
            return new ScenarioOutcome(ScenarioVerdict.Skip, lastLine, counters, []);
        var failures = lines.Where(l => l.StartsWith("not ok", StringComparison.Ordinal) || l.Contains("FAIL", StringComparison.Ordinal)).ToList();
        var evidence = failures.Count > 0 ? failures : lines.TakeLast(3).ToList();
        return new ScenarioOutcome(ScenarioVerdict.Fail, $"exit status {exitCode}: {lastLine}", counters, evidence);
    }

    public static ScenarioOutcome TimedOut(TimeSpan timeout, string output) =>
        ScenarioOutcome.Error(string.Create(CultureInfo.InvariantCulture,
            $"still running after {timeout.TotalSeconds:0} s (killed); last output: {Lines(output).LastOrDefault() ?? "none"}"));

    /// <summary>"# Totals: pass:1 fail:0 xfail:0 xpass:0 skip:0 error:0" as counters ktap_pass=1 ….</summary>
    static IEnumerable<KeyValuePair<string, long>> Totals(string output)
    {
        var totals = TotalsLine().Match(output);
        if (!totals.Success)
            yield break;
        foreach (Match pair in TotalsPair().Matches(totals.Value))
            yield return new($"ktap_{pair.Groups["name"].Value}", long.Parse(pair.Groups["count"].Value, CultureInfo.InvariantCulture));
    }

    static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"^# Totals:.*$", RegexOptions.Multiline)]
    private static partial Regex TotalsLine();

    [GeneratedRegex(@"(?<name>[a-z]+):(?<count>[0-9]+)")]
    private static partial Regex TotalsPair();
}
