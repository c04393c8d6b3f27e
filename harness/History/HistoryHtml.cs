using System.Net;
using System.Text;

namespace Harness.History;

/// <summary>
/// The history as one self-contained page (history.html): the style inline, no script, nothing
/// fetched to view it; every value from run.json HTML-encoded. Each cell's tooltip gives every
/// scenario's outcome and reason; each column links to its run's run.json.
/// </summary>
public static class HistoryHtml
{
    public const string FileName = "history.html";

    /// <param name="outputFolder">Where the page is written, so the links to the runs are relative and survive moving the folder with the runs.</param>
    public static string Render(HistoryTable table, string outputFolder)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>rseq cpu_id history</title>");
        html.AppendLine($"<style>{Style}</style></head><body>");
        html.AppendLine("<h1>rseq cpu_id history</h1>");
        html.AppendLine($"<p>{Encode(HistoryMarkdown.Span(table))}</p>");
        html.AppendLine("<table><thead><tr><th>kernel</th><th>expect</th>");
        foreach (var run in table.Runs)
            html.AppendLine($"<th><a href=\"{Encode(Link(outputFolder, run))}\">{Encode(run.Name)}</a></th>");
        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append($"<tr><th>{Encode(row.Kernel)}</th><td>{Encode(row.Expect)}</td>");
            foreach (var night in row.Nights)
                html.Append(Cell(night));
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");
        var attention = HistoryMarkdown.NeedsALook(table).ToList();
        if (attention.Count > 0)
        {
            html.AppendLine($"<h2>{Encode(table.Runs[^1].Name)}: cells that need a look</h2><ul>");
            foreach (var line in attention)
                html.AppendLine($"<li>{Encode(line)}</li>");
            html.AppendLine("</ul>");
        }
        html.AppendLine("<h2>How cells are classified</h2><ul>");
        foreach (var (classification, rule) in HistoryRules.All)
            html.AppendLine($"<li><span class=\"{CssClass(classification)}\">{Encode(classification.Word())}</span>: {Encode(rule)}</li>");
        html.AppendLine($"<li><span class=\"absent\">{Encode(HistoryRules.Absent)}</span>: {Encode(HistoryRules.AbsentMeaning)}</li></ul>");
        html.AppendLine($"<p>{Encode(HistoryRules.Scope)}</p>");
        if (table.Skipped.Count > 0)
        {
            html.AppendLine("<h2>Skipped folders</h2><ul>");
            foreach (var skipped in table.Skipped)
                html.AppendLine($"<li>{Encode(skipped.Name)}: {Encode(skipped.Why)}</li>");
            html.AppendLine("</ul>");
        }
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    static string Cell(KernelNight? night)
    {
        if (night is null)
            return $"<td class=\"absent\">{Encode(HistoryRules.Absent)}</td>";
        var tooltip = string.Join("\n", night.Cells.Select(c =>
            $"{c.Cell.Scenario}: {c.Cell.OutcomeText}, {c.Classification.Word()}{(c.Cell.Reason is { } reason ? $" ({reason})" : "")}"));
        var parts = string.Join("<br/>", night.Parts().Select(part => $"<span class=\"{CssClass(part.Classification)}\">{Encode(part.Text)}</span>"));
        return $"<td class=\"{CssClass(night.Worst)}\" title=\"{Encode(tooltip)}\">{parts}</td>";
    }

    /// <summary>The run's run.json relative to the page, each segment URL-encoded.</summary>
    static string Link(string outputFolder, RecordedRun run) =>
        string.Join("/", Path.GetRelativePath(Path.GetFullPath(outputFolder), Path.Combine(run.Folder, RunReader.FileName))
            .Split(Path.DirectorySeparatorChar)
            .Select(Uri.EscapeDataString));

    static string CssClass(Classification classification) => classification.Word().Replace(' ', '-');

    static string Encode(string text) => WebUtility.HtmlEncode(text);

    const string Style =
        "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}" +
        "table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;font-size:.9em}" +
        "thead th{background:#eee}tbody th{text-align:left;font-weight:600}" +
        "td.new-failure,span.new-failure{background:#f8c4c4}td.still-failing,span.still-failing{background:#f3dcc0}" +
        "td.flaky,span.flaky{background:#f6eea6}td.error,span.error{background:#ddd}" +
        "td.fixed,span.fixed{background:#c9ebc9}td.as-expected,span.as-expected{background:#d6e4f5}" +
        "td.pass,span.pass{background:#eef8ee}td.absent,span.absent{color:#999}" +
        "span.new-failure,span.still-failing,span.flaky{font-weight:600}";
}
