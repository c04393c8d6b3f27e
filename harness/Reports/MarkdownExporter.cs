using System.Text;
using Harness.Judging;
using Protocol;

namespace Harness.Reports;

/// <summary>
/// The table as GitHub Markdown, for summary.md (a CI job summary, a pull request): the
/// environment every row shares above it, rows in kernel-version order, each cell the outcome with
/// a short reason (a FAIL or ERROR in bold), then the verdict line and the notes (evidence, timings,
/// the regression hint).
/// </summary>
public sealed class MarkdownExporter : TableExporter
{
    public override string FileName => "summary.md";

    public override string Render(ResultTable table, bool allMet)
    {
        var text = new StringBuilder();
        text.AppendLine("# rseq cpu_id regression run").AppendLine();
        foreach (var (key, value) in table.Preamble)
            text.AppendLine($"- {key}: {Escape(value)}");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", table.Header) + " |");
        text.AppendLine("|" + string.Concat(table.Header.Select(_ => " --- |")));
        foreach (var row in table.Rows)
            text.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        text.AppendLine();
        text.AppendLine(Verdict(allMet));
        text.AppendLine().AppendLine("## Details").AppendLine();
        foreach (var note in table.Notes)
            text.AppendLine($"- {Escape(note)}");
        return text.ToString();
    }

    static string Cell(Cell cell) => cell switch
    {
        OutcomeCell { Outcome: { } outcome } outcomeCell => Outcome(outcome, outcomeCell.Reason),
        _ => Escape(cell.Text),
    };

    static string Outcome(ScenarioVerdict outcome, string? reason)
    {
        var word = VerdictWords.Word(outcome);
        // A FAIL or ERROR is what a reader scans the table for.
        var shown = outcome is ScenarioVerdict.Fail or ScenarioVerdict.Error ? $"**{word}**" : word;
        return string.IsNullOrWhiteSpace(reason) ? shown : $"{shown}: {Escape(ShortReason.Of(reason))}";
    }

    static string Escape(string text) => text.Replace("|", "\\|");
}
