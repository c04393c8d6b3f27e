using System.Globalization;
using System.Text;

namespace Harness.History;

/// <summary>The history as GitHub Markdown (history.md): the table, the newest run's cells that need a look, the rules, the folders skipped.</summary>
public static class HistoryMarkdown
{
    public const string FileName = "history.md";

    public static string Render(HistoryTable table)
    {
        var text = new StringBuilder();
        text.AppendLine("# rseq cpu_id history").AppendLine();
        text.AppendLine(Span(table)).AppendLine();
        var header = new[] { "kernel", "expect" }.Concat(table.Runs.Select(run => run.Name)).ToList();
        text.AppendLine("| " + string.Join(" | ", header.Select(Escape)) + " |");
        text.AppendLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in table.Rows)
        {
            var cells = new[] { Escape(row.Kernel), Escape(row.Expect) }.Concat(row.Nights.Select(Cell));
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }
        var attention = NeedsALook(table).ToList();
        if (attention.Count > 0)
        {
            text.AppendLine().AppendLine($"## {Escape(table.Runs[^1].Name)}: cells that need a look").AppendLine();
            foreach (var line in attention)
                text.AppendLine($"- {Escape(line)}");
        }
        text.AppendLine().AppendLine("## How cells are classified").AppendLine();
        foreach (var (classification, rule) in HistoryRules.All)
            text.AppendLine($"- **{classification.Word()}**: {rule}");
        text.AppendLine($"- `{HistoryRules.Absent}`: {HistoryRules.AbsentMeaning}");
        text.AppendLine().AppendLine(HistoryRules.Scope);
        if (table.Skipped.Count > 0)
        {
            text.AppendLine().AppendLine("## Skipped folders").AppendLine();
            foreach (var skipped in table.Skipped)
                text.AppendLine($"- {Escape(skipped.Name)}: {Escape(skipped.Why)}");
        }
        return text.ToString();
    }

    /// <summary>How many runs, over which time; how many older ones only informed the classification.</summary>
    public static string Span(HistoryTable table)
    {
        if (table.Runs.Count == 0)
            return "No run could be read.";
        var span = string.Create(CultureInfo.InvariantCulture,
            $"{table.Runs.Count} run{(table.Runs.Count == 1 ? "" : "s")}, {Time(table.Runs[0])} to {Time(table.Runs[^1])}, oldest first");
        return table.EarlierRuns > 0 ? $"{span}; {table.EarlierRuns} older run(s) read for the classification, not shown." : $"{span}.";
    }

    /// <summary>The newest run's cells that are not a pass or an expected FAIL, with the outcome and its reason.</summary>
    public static IEnumerable<string> NeedsALook(HistoryTable table) =>
        from row in table.Rows
        let night = row.Nights.Count > 0 ? row.Nights[^1] : null
        where night is not null
        from cell in night.Cells
        where cell.Classification is not (Classification.Pass or Classification.AsExpected)
        orderby cell.Classification
        select $"{row.Kernel} {cell.Cell.Scenario}: {cell.Classification.Word()}, {cell.Cell.OutcomeText}{(cell.Cell.Reason is { } reason ? $" ({reason})" : "")}";

    static string Time(RecordedRun run) => run.Record.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    static string Cell(KernelNight? night) => night is null
        ? HistoryRules.Absent
        : string.Join("; ", night.Parts().Select(part => part.Classification is Classification.NewFailure or Classification.Flaky or Classification.StillFailing
            ? $"**{Escape(part.Text)}**"
            : Escape(part.Text)));

    /// <summary>Values from run.json are data: a pipe would split the cell, and GitHub renders inline HTML.</summary>
    static string Escape(string value) => value.ReplaceLineEndings(" ")
        .Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("`", "\\`")
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
