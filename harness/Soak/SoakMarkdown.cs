using System.Globalization;
using System.Text;
using Harness.Judging;
using Harness.Records;
using Harness.Reports;

namespace Harness.Soak;

/// <summary>soak.md, which the soak also prints: the changed cells first, then the rounds and the harness's footprint.</summary>
public static class SoakMarkdown
{
    public static string Render(SoakReport report)
    {
        var text = new StringBuilder();
        var took = report.Finished - report.Started;
        text.AppendLine($"# Soak of {Path.GetFileName(report.MatrixFile)}");
        text.AppendLine();
        text.AppendLine(Invariant($"{report.Rounds.Count} rounds in {Duration(took)} (asked: {Duration(report.Asked)}){(report.Interrupted ? ", interrupted" : "")}, {report.Started:yyyy-MM-dd HH:mm:ss} to {report.Finished:HH:mm:ss} UTC."));
        text.AppendLine($"Matrix: {report.MatrixFile}. {report.QemuVersion}. Accelerator: {report.Accel}.");
        text.AppendLine();

        text.AppendLine("## Cells whose outcome changed");
        text.AppendLine();
        if (report.Changes.Count == 0)
            text.AppendLine($"None: every kernel × scenario had the same outcome in all {report.Rounds.Count} rounds.");
        else
        {
            text.AppendLine("| kernel | scenario | outcome by round |");
            text.AppendLine("| --- | --- | --- |");
            foreach (var change in report.Changes)
                text.AppendLine($"| {change.Kernel} | {change.Scenario} | {string.Join("; ", change.Spans.Select(Span))} |");
        }
        text.AppendLine();

        text.AppendLine("## Rounds");
        text.AppendLine();
        text.AppendLine("| round | run folder | took | outcomes | expectations met | working set | GC heap | open fds |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var round in report.Rounds)
            text.AppendLine(Invariant($"| {round.Number} | {round.RunFolder} | {round.Elapsed.TotalSeconds:0.0} s | {Counts(round)} | {(round.AllMetExpectation ? "yes" : "NO")} | {ByteSize.Format(round.After.WorkingSetBytes)} | {ByteSize.Format(round.After.GcHeapBytes)} | {round.After.OpenFileDescriptors} |"));
        text.AppendLine();

        // The first round warms the process up (JIT, thread pool, pipes), so growth after it is what a leak looks like.
        text.AppendLine("## The harness process");
        text.AppendLine();
        text.AppendLine("| | start | after round 1 | end | change since round 1 |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        var warm = report.Rounds.Count > 0 ? report.Rounds[0].After : report.Start;
        text.AppendLine(Bytes("working set", report.Start.WorkingSetBytes, warm.WorkingSetBytes, report.End.WorkingSetBytes));
        text.AppendLine(Bytes("GC heap (live, after a full collection)", report.Start.GcHeapBytes, warm.GcHeapBytes, report.End.GcHeapBytes));
        text.AppendLine($"| open file descriptors | {report.Start.OpenFileDescriptors} | {warm.OpenFileDescriptors} | {report.End.OpenFileDescriptors} | {report.End.OpenFileDescriptors - warm.OpenFileDescriptors:+0;-0;0} |");
        return text.ToString();
    }

    /// <summary>"rounds 1–3 PASS", "round 4 FAIL (stale cpu_id in 3 of 20 forked children)".</summary>
    public static string Span(OutcomeSpan span)
    {
        var rounds = span.FirstRound == span.LastRound ? $"round {span.FirstRound}" : $"rounds {span.FirstRound}–{span.LastRound}";
        var outcome = span.Outcome is { } verdict ? VerdictWords.Word(verdict) : "no outcome";
        return span.Reason is { Length: > 0 } reason ? $"{rounds} {outcome} ({reason})" : $"{rounds} {outcome}";
    }

    static string Counts(SoakRound round) =>
        string.Join(", ", round.Cells.GroupBy(c => c.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {VerdictWords.Word(g.Key)}"));

    static string Bytes(string what, long start, long warm, long end)
    {
        var change = end - warm;
        return $"| {what} | {ByteSize.Format(start)} | {ByteSize.Format(warm)} | {ByteSize.Format(end)} | {(change < 0 ? "-" : "+")}{ByteSize.Format(Math.Abs(change))} |";
    }

    static string Duration(TimeSpan span) =>
        span.TotalMinutes >= 1 ? Invariant($"{(int)span.TotalMinutes} min {span.Seconds} s") : Invariant($"{span.TotalSeconds:0.0} s");

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
