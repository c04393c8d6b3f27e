using System.Text;

namespace Harness.Reports;

/// <summary>The table as aligned plain text, for the terminal, CI logs and summary.txt.</summary>
public sealed class PlainTextExporter : TableExporter
{
    public override string FileName => "summary.txt";

    public override string Render(ResultTable table, bool allMet) =>
        new StringBuilder(Body(table)).AppendLine().AppendLine(Verdict(allMet)).ToString();

    /// <summary>The grid, a blank line and the notes: what <c>run</c> prints before its own closing lines.</summary>
    public static string Body(ResultTable table)
    {
        var text = new StringBuilder(Grid(table)).AppendLine();
        foreach (var note in table.Notes)
            text.AppendLine(note);
        return text.ToString();
    }

    public static string Grid(ResultTable table)
    {
        var widths = table.Header.Select((h, i) => Math.Max(h.Length, table.Rows.Select(r => r[i].Text.Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        void Line(IEnumerable<string> cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(table.Header);
        Line(widths.Select(w => new string('-', w)));
        foreach (var row in table.Rows)
            Line(row.Select(c => c.Text));
        return text.ToString();
    }
}
