using System.Text;
using Harness.Records;

namespace Harness.Reports.Html;

/// <summary>
/// report.html: the run as one self-contained page, made from the run's record alone (so from
/// run.json, by <c>harness report</c> as by <c>run</c>). Inline style, script and SVG, no URL to
/// anything outside the run folder: it opens from a CI artifact with no network. Links go only to
/// the logs beside it, relative, so the folder can be moved or published whole.
/// </summary>
public sealed class HtmlReportExporter : IRunExporter
{
    public string FileName => "report.html";

    public string Render(RunRecord run)
    {
        var rows = ReportRow.InReleaseOrder(run);
        // The table model's columns: the run's scenarios, then selftests and the console column when any kernel has them.
        var header = ResultTable.From(run).Header;
        var columns = header.Skip(3).Take(header.Count - 4).ToList();
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            // No request may leave the page: a hostile value that slipped past escaping still could not load anything.
            .AppendLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
            .Append("<title>rseq cpu_id run ").Append(Html.Encode(run.RunId)).AppendLine("</title>")
            .Append("<style>").Append(ReportStyle.Css).AppendLine("</style></head><body>");
        html.Append("<header><h1>rseq cpu_id regression run ").Append(Html.Encode(run.RunId)).AppendLine("</h1>")
            .Append(run.AllMetExpectation ? "<p class=\"verdict met\">" : "<p class=\"verdict missed\">")
            .Append(Html.Encode(TableExporter.Verdict(run.AllMetExpectation))).AppendLine("</p></header>");
        EnvironmentSection.Write(html, run);
        OutcomeGrid.Write(html, rows, columns);
        WriteHints(html, run);
        StressChart.Write(html, rows, columns);
        EvidenceSection.Write(html, rows, columns);
        html.Append("<script>").Append(ReportScript.Js).AppendLine("</script></body></html>");
        return html.ToString();
    }

    /// <summary>Where a PASS turns into a FAIL between two kernels: where a bisect would start.</summary>
    static void WriteHints(StringBuilder html, RunRecord run)
    {
        var hints = RegressionHint.Find(run.Kernels);
        if (hints.Count == 0)
            return;
        html.AppendLine("<section id=\"hints\"><h2>Regression hints</h2><ul>");
        foreach (var hint in hints)
            html.Append("<li>").Append(Html.Encode(hint.Describe())).Append("; find the commit with <code>")
                .Append(Html.Encode(hint.Command(run.MatrixFile))).AppendLine("</code></li>");
        html.AppendLine("</ul></section>");
    }
}
