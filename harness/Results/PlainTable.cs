using System.Text;

namespace Harness.Results;

/// <summary>Renders the table as aligned plain text for the terminal and CI logs.</summary>
public static class PlainTable
{
    public static string Render(ResultTable table)
    {
        var widths = table.Header.Select((h, i) => Math.Max(h.Length, table.Rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(table.Header);
        Line(widths.Select(w => new string('-', w)).ToList());
        foreach (var row in table.Rows)
            Line(row);
        return text.ToString();
    }
}
