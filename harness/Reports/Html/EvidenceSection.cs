using System.Text;
using Harness.Judging;
using Harness.Records;
using Harness.Vm;
using Harness.Records.Json;

namespace Harness.Reports.Html;

/// <summary>
/// Per kernel what run.json knows about it (source, expectation, timings, files, console findings)
/// and per cell its evidence: the reason, the expectation, the counters, the guest's evidence lines
/// and the console findings printed while that scenario ran, with links to the logs.
/// </summary>
static class EvidenceSection
{
    public static void Write(StringBuilder html, IReadOnlyList<ReportRow> rows, IReadOnlyList<string> columns)
    {
        html.AppendLine("<section id=\"evidence\"><h2>Evidence</h2>");
        foreach (var row in rows)
            WriteKernel(html, row, columns);
        html.AppendLine("</section>");
    }

    static void WriteKernel(StringBuilder html, ReportRow row, IReadOnlyList<string> columns)
    {
        var kernel = row.Kernel;
        html.Append("<section class=\"kernel\" id=\"").Append(row.Id).Append("\"><h3>").Append(Html.Encode(row.Label)).AppendLine("</h3><dl class=\"facts\">");
        Fact(html, "source", kernel.Source);
        Fact(html, "identity", kernel.Identity ?? "could not be had");
        Fact(html, "uname -r", kernel.KernelRelease ?? "the guest never reported");
        Fact(html, "expect", kernel.Expect.Describe());
        Fact(html, "met", kernel.MetExpectation ? "yes" : kernel.ExpectationMisses.Count > 0 ? $"NO: {string.Join("; ", kernel.ExpectationMisses)}" : "NO");
        if (kernel.Error is not null)
            Fact(html, "error", kernel.Error);
        Fact(html, "VM", $"{(kernel.VmEnd is { } end ? Words.Write(end) : "not booted")}, QEMU exit {kernel.QemuExitCode?.ToString() ?? "-"}, " +
                         $"{kernel.BootAttempts} boot{(kernel.BootAttempts == 1 ? "" : "s")}{Timing(kernel.Timings)}");
        html.Append("<dt>files</dt><dd>");
        var files = new[] { (kernel.ConsoleLog, "console log"), (kernel.ResultsLog, "KTAP log") }
            .Where(file => file.Item1 is not null).Select(file => RunFolderLink.Anchor(file.Item1!, file.Item1!))
            .Concat(kernel.EarlierBootConsoles.Select(path => RunFolderLink.Anchor(path, path)))
            .ToList();
        html.Append(files.Count > 0 ? string.Join(" · ", files) : "<span class=\"muted\">none</span>").AppendLine("</dd></dl>");
        WriteFindings(html, kernel, kernel.ConsoleFindings, "console findings");
        for (var column = 0; column < columns.Count; column++)
        {
            if (row.Outcome(columns[column]) is { } outcome)
                WriteCell(html, row, column, outcome);
        }
        html.AppendLine("</section>");
    }

    static void WriteCell(StringBuilder html, ReportRow row, int column, ScenarioOutcome outcome)
    {
        var word = VerdictWords.Word(outcome.Outcome);
        var miss = row.Miss(outcome.Scenario);
        html.Append("<details class=\"evidence ").Append(OutcomeGrid.ClassOf(outcome.Outcome)).Append("\" id=\"").Append(row.CellId(column)).Append("\"><summary><b>")
            .Append(Html.Encode(outcome.Scenario)).Append("</b> ").Append(word)
            .Append(Html.Encode(outcome.Reason is { } reason ? $": {reason}" : ""))
            .Append(miss is not null ? " <b>(expectation not met)</b>" : "").AppendLine("</summary><dl class=\"facts\">");
        Fact(html, "verdict from", outcome.Source switch
        {
            OutcomeSource.Guest => "the guest's own result line",
            OutcomeSource.Console => "a kernel bug on the console",
            _ => "the harness (the kernel could not be had or booted, or the result stream broke)",
        });
        Fact(html, "expected", row.Expected(outcome.Scenario));
        if (miss is not null)
            Fact(html, "not met", miss);
        if (StressMinimums.Lowest(outcome) is { } reading)
            Fact(html, "stress", $"{reading.Counter} {Html.Number(reading.Value)}: {Html.Number(reading.Multiple, "0.0")}× its minimum {Html.Number(reading.Minimum)}");
        html.AppendLine("</dl>");
        if (outcome.Counters.Count > 0)
        {
            html.Append("<table class=\"counters\">");
            foreach (var (name, value) in outcome.Counters)
                html.Append("<tr><td>").Append(Html.Encode(name)).Append("</td><td class=\"value\">").Append(Html.Number(value)).Append("</td></tr>");
            html.AppendLine("</table>");
        }
        if (outcome.Evidence.Count > 0)
            html.Append("<pre>").Append(Html.Encode(string.Join('\n', outcome.Evidence))).AppendLine("</pre>");
        var lines = row.Kernel.ConsoleWindows.Where(p => p.Window == ConsoleWindow.Scenario && p.Scenario == outcome.Scenario).Select(p => p.LineNumber).ToHashSet();
        WriteFindings(html, row.Kernel, row.Kernel.ConsoleFindings.Where(f => lines.Contains(f.LineNumber)).ToList(), "console findings while it ran");
        html.AppendLine("</details>");
    }

    static void WriteFindings(StringBuilder html, KernelResult kernel, IReadOnlyList<ConsoleFinding> findings, string heading)
    {
        if (findings.Count == 0)
            return;
        html.Append("<p><b>").Append(Html.Encode(heading)).AppendLine("</b></p><ul class=\"findings\">");
        foreach (var finding in findings)
        {
            var place = kernel.ConsoleWindows.FirstOrDefault(p => p.LineNumber == finding.LineNumber);
            html.Append("<li>").Append(Html.Encode(OutcomeJudge.Describe(finding.Kind))).Append(" at ");
            html.Append(kernel.ConsoleLog is { } log ? RunFolderLink.Anchor(log, $"{log} line {finding.LineNumber}") : Html.Encode($"console line {finding.LineNumber}"));
            if (place is not null)
                html.Append(" <span class=\"muted\">(").Append(Html.Encode(Where(place))).Append(")</span>");
            html.Append("<pre>").Append(Html.Encode(string.Join('\n', new[] { finding.Line }.Concat(finding.Trace)))).AppendLine("</pre></li>");
        }
        html.AppendLine("</ul>");
    }

    static string Where(FindingPlace place) => place.Window switch
    {
        ConsoleWindow.Scenario => $"while {place.Scenario} ran",
        ConsoleWindow.BetweenScenarios => place.Scenario is null ? "before the first scenario" : $"after {place.Scenario}",
        ConsoleWindow.AfterGuest => "after the guest finished: not counted",
        ConsoleWindow.Boot => "before the guest started",
        _ => "console without markers",
    };

    static string Timing(KernelTimings timings) =>
        (timings.BootSeconds is { } boot ? $", boot {Html.Number(boot, "0.0")} s" : "")
        + (timings.VmSeconds is { } vm ? $", VM {Html.Number(vm, "0.0")} s" : "")
        + (timings.Build is { } build ? $", kernel build {(build.FromCache ? "cached" : $"{Html.Number(build.Seconds, "0")} s")}" : "");

    static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(Html.Encode(name)).Append("</dt><dd>").Append(Html.Encode(value)).AppendLine("</dd>");
}
