using System.Text;
using Harness.Judging;
using Protocol;

namespace Harness.Reports.Html;

/// <summary>
/// The kernels × scenarios table: a cell per outcome, coloured by outcome and by whether it met the
/// kernel's expectation, each a link to its evidence; above it the filters by outcome.
/// </summary>
static class OutcomeGrid
{
    static readonly ScenarioVerdict[] Verdicts = [ScenarioVerdict.Pass, ScenarioVerdict.Fail, ScenarioVerdict.Error, ScenarioVerdict.Skip];

    public static void Write(StringBuilder html, IReadOnlyList<ReportRow> rows, IReadOnlyList<string> columns)
    {
        html.AppendLine("<section id=\"results\"><h2>Results</h2>");
        WriteFilters(html, rows);
        html.AppendLine("""
            <p class="legend"><span class="swatch pass">PASS</span><span class="swatch fail">FAIL</span><span class="swatch error">ERROR</span><span class="swatch skip">SKIP</span>
            <span class="swatch expected">FAIL</span> a FAIL the kernel's expectation names (a control)
            <span class="swatch miss">&nbsp;</span> the kernel's expectation not met here. Every cell opens its evidence.</p>
            """);
        html.AppendLine("<div class=\"grid-wrap\"><table class=\"grid\"><thead><tr><th>kernel</th><th>uname -r</th><th>expect</th>");
        foreach (var column in columns)
            html.Append("<th class=\"scenario\">").Append(Html.Encode(column)).AppendLine("</th>");
        html.AppendLine("<th>met</th></tr></thead><tbody>");
        foreach (var row in rows)
            WriteRow(html, row, columns);
        html.AppendLine("</tbody></table></div></section>");
    }

    static void WriteFilters(StringBuilder html, IReadOnlyList<ReportRow> rows)
    {
        html.Append("<div class=\"filters\" role=\"group\" aria-label=\"filter kernels by outcome\">")
            .Append("<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">all (").Append(rows.Count).Append(")</button>");
        foreach (var verdict in Verdicts)
        {
            var count = rows.Count(row => row.Kernel.Scenarios.Any(s => s.Outcome == verdict));
            html.Append("<button type=\"button\" data-filter=\"").Append(ClassOf(verdict)).Append("\" aria-pressed=\"false\">with ")
                .Append(VerdictWords.Word(verdict)).Append(" (").Append(count).Append(")</button>");
        }
        html.Append("<button type=\"button\" data-filter=\"miss\" aria-pressed=\"false\">expectation not met (")
            .Append(rows.Count(row => !row.Kernel.MetExpectation)).Append(")</button>")
            .AppendLine("<span class=\"shown\" id=\"shown\"></span></div>");
    }

    static void WriteRow(StringBuilder html, ReportRow row, IReadOnlyList<string> columns)
    {
        var outcomes = string.Join(' ', row.Kernel.Scenarios.Select(s => ClassOf(s.Outcome)).Distinct());
        html.Append("<tr class=\"kernel-row\" id=\"row-").Append(row.Id).Append("\" data-outcomes=\"").Append(outcomes)
            .Append("\" data-met=\"").Append(row.Kernel.MetExpectation ? "yes" : "no").Append("\">");
        html.Append("<th scope=\"row\"><a href=\"#").Append(row.Id).Append("\">").Append(Html.Encode(row.Label)).Append("</a></th>");
        html.Append("<td>").Append(Html.Encode(row.Kernel.KernelRelease ?? "-")).Append("</td>");
        html.Append("<td>").Append(Html.Encode(row.Kernel.Expect.Describe())).Append("</td>");
        for (var column = 0; column < columns.Count; column++)
            WriteCell(html, row, column, columns[column]);
        html.Append(row.Kernel.MetExpectation ? "<td class=\"met-yes\">yes</td>" : "<td class=\"met-no\">NO</td>");
        html.AppendLine("</tr>");
    }

    static void WriteCell(StringBuilder html, ReportRow row, int column, string scenario)
    {
        if (row.Outcome(scenario) is not { } outcome)
        {
            html.Append("<td class=\"outcome none\" title=\"not run on this kernel\">-</td>");
            return;
        }
        var miss = row.Miss(scenario);
        var expectedFail = outcome.Outcome == ScenarioVerdict.Fail && miss is null
                           && row.Kernel.Expect.FailingScenarios.Contains(scenario, StringComparer.Ordinal);
        var classes = $"outcome {ClassOf(outcome.Outcome)}{(miss is not null ? " miss" : "")}{(expectedFail ? " expected" : "")}";
        var title = $"{row.Label} {scenario}: {VerdictWords.Word(outcome.Outcome)}{(outcome.Reason is { } reason ? $": {reason}" : "")}"
                    + (miss is not null ? $" (expectation not met: {miss})" : "");
        html.Append("<td class=\"").Append(classes).Append("\"><a href=\"#").Append(row.CellId(column)).Append("\" title=\"").Append(Html.Encode(title)).Append("\">")
            .Append(VerdictWords.Word(outcome.Outcome));
        if (miss is not null)
            html.Append("<span class=\"mark\">not expected</span>");
        else if (expectedFail)
            html.Append("<span class=\"mark\">expected</span>");
        html.Append("</a></td>");
    }

    /// <summary>The outcome as a class name and filter word: pass, fail, error, skip.</summary>
    public static string ClassOf(ScenarioVerdict verdict) => VerdictWords.Word(verdict).ToLowerInvariant();
}
