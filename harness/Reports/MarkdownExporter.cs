using System.Text;

namespace Harness.Reports;

/// <summary>The table as GitHub Markdown, for summary.md (a CI job summary, a pull request).</summary>
public sealed class MarkdownExporter : TableExporter
{
    public override string FileName => "summary.md";

    public override string Render(ResultTable table, bool allMet)
    {
        var text = new StringBuilder();
        text.AppendLine("# rseq cpu_id regression run").AppendLine();
        foreach (var (key, value) in table.Preamble)
            text.AppendLine($"- {key}: {value}");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", table.Header) + " |");
        text.AppendLine("|" + string.Concat(table.Header.Select(_ => " --- |")));
        foreach (var row in table.Rows)
            text.AppendLine("| " + string.Join(" | ", row.Select(c => Escape(c.Text))) + " |");
        text.AppendLine();
        text.AppendLine(Verdict(allMet));
        text.AppendLine().AppendLine("## Details").AppendLine();
        foreach (var note in table.Notes)
            text.AppendLine($"- {Escape(note)}");
        return text.ToString();
    }

    static string Escape(string cell) => cell.Replace("|", "\\|");
}
