using System.Text;

namespace Harness.Results;

/// <summary>Renders the table as GitHub Markdown for summary.md.</summary>
public static class MarkdownSummary
{
    public static string Render(ResultTable table, bool allMet)
    {
        var text = new StringBuilder();
        text.AppendLine("# rseq cpu_id regression run").AppendLine();
        foreach (var (key, value) in table.Preamble)
            text.AppendLine($"- {key}: {value}");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", table.Header) + " |");
        text.AppendLine("|" + string.Concat(table.Header.Select(_ => " --- |")));
        foreach (var row in table.Rows)
            text.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        text.AppendLine();
        text.AppendLine(allMet ? "Every kernel met its expectation." : "Some kernels did NOT meet their expectation.");
        text.AppendLine().AppendLine("## Details").AppendLine();
        foreach (var note in table.Notes)
            text.AppendLine($"- {Escape(note)}");
        return text.ToString();
    }

    static string Escape(string cell) => cell.Replace("|", "\\|");
}
