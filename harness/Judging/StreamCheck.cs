using System.Globalization;
using System.Text;
using Protocol;

namespace Harness.Judging;

/// <summary>
/// Whether a result stream that began can be trusted as a whole: one result per scenario, only the
/// scenarios asked for, no damaged lines, as many results as the plan announced, and a final line.
/// A stream that breaks any of these has lost or gained lines on the way, so none of its verdicts
/// can stand as a PASS (a FAIL with its evidence still can: see <see cref="OutcomeJudge"/>).
/// </summary>
public static class StreamCheck
{
    public const string ReasonPrefix = "incomplete results: ";
    const int MaxQuotedChars = 60;

    /// <summary>The first words of every problem found, joined; null when the stream is whole (or never began).</summary>
    public static string? Problems(GuestReport report, IReadOnlyCollection<string> requested)
    {
        if (!report.Started)
            return null;
        var problems = new List<string>();

        foreach (var repeated in report.Scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"scenario {Quote(repeated.Key)} reported {Times(repeated.Count())}");

        // The kernel's selftests are not asked for by name: the guest runs whatever the image carries.
        foreach (var stray in report.Scenarios.Select(s => s.Name).Distinct(StringComparer.Ordinal)
                     .Where(name => !requested.Contains(name, StringComparer.Ordinal) && !ScenarioNames.IsSelftest(name)))
            problems.Add($"a result for {Quote(stray)}, which was not requested");

        if (report.GarbledLines.Count > 0)
            problems.Add($"a garbled line {Quote(report.GarbledLines[0])}{(report.GarbledLines.Count > 1 ? $" and {report.GarbledLines.Count - 1} more" : "")}");

        var reported = report.Scenarios.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count();
        if (report.PlannedCount is not { } planned)
            problems.Add(report.GuestExitCode is null ? "the stream stopped before its plan" : "the stream has no plan line");
        else if (report.GuestExitCode is null)
            problems.Add($"the stream stopped after {reported} of {Scenarios(planned)}");
        else if (reported != planned)
            problems.Add($"the plan announced {Scenarios(planned)}, the stream reported {reported}");

        return problems.Count == 0 ? null : ReasonPrefix + string.Join("; ", problems);
    }

    /// <summary>How far a stream got, for reasons that explain why it stopped ("after 2 of 3 scenarios").</summary>
    public static string Progress(GuestReport report)
    {
        if (!report.Started)
            return "before its result stream began";
        var reported = report.Scenarios.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count();
        return report.PlannedCount is { } planned ? $"after {reported} of {Scenarios(planned)}" : "before its plan";
    }

    static string Scenarios(int count) => count == 1 ? "1 scenario" : $"{count} scenarios";

    static string Times(int count) => count == 2 ? "twice" : $"{count} times";

    /// <summary>A line off the serial port, quoted so that control bytes cannot reach the user's terminal.</summary>
    static string Quote(string text)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in text.Length > MaxQuotedChars ? text[..MaxQuotedChars] : text)
        {
            if (char.IsControl(c))
                quoted.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            else
                quoted.Append(c);
        }
        return quoted.Append(text.Length > MaxQuotedChars ? "…'" : "'").ToString();
    }
}
