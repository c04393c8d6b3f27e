using System.Globalization;
using System.Text;
using Harness.Judging;
using Harness.Records;
using Harness.Records.Json;

namespace Harness.Reports.Csv;

/// <summary>
/// results.csv, for a spreadsheet or a script: one row per kernel × scenario × repeat, every field
/// quoted as RFC 4180 asks (<see cref="CsvField"/>), CRLF between records, a header first. A kernel
/// that reported no scenario (it could not be had) is one row with an empty scenario and its error.
/// Words are run.json's (PASS, GUEST); numbers are invariant (a dot for decimals).
/// </summary>
public sealed class CsvExporter : IRunExporter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "run_id", "kernel", "repeat", "kernel_release", "source", "identity", "expect", "met_expectation",
        "scenario", "outcome", "outcome_source", "reason", "counters", "evidence", "boot_seconds", "vm_seconds",
    ];

    public string FileName => "results.csv";

    public string Render(RunRecord run)
    {
        var text = new StringBuilder(CsvField.Record(Columns));
        foreach (var kernel in RowOrder.Of(run.Kernels))
        {
            if (kernel.Scenarios.Count == 0)
                text.Append(CsvField.Record(Row(run, kernel, null)));
            foreach (var outcome in kernel.Scenarios)
                text.Append(CsvField.Record(Row(run, kernel, outcome)));
        }
        return text.ToString();
    }

    static IEnumerable<string> Row(RunRecord run, KernelResult kernel, ScenarioOutcome? outcome) =>
    [
        run.RunId,
        kernel.Name,
        kernel.Repeat.ToString(CultureInfo.InvariantCulture),
        kernel.KernelRelease ?? "",
        kernel.Source,
        kernel.Identity ?? "",
        kernel.Expect.Describe(),
        kernel.MetExpectation ? "true" : "false",
        outcome?.Scenario ?? "",
        outcome is null ? (kernel.Error is null ? "" : "ERROR") : Words.Write(outcome.Outcome),
        outcome is null ? "" : Words.Write(outcome.Source),
        outcome is null ? kernel.Error ?? "" : outcome.Reason ?? "",
        outcome is null ? "" : string.Join(" ", outcome.Counters.Select(c => $"{c.Key}={c.Value}")),
        // One evidence line per line of the field: the RFC allows line breaks inside a quoted field.
        outcome is null ? "" : string.Join("\n", outcome.Evidence),
        Seconds(kernel.Timings.BootSeconds),
        Seconds(kernel.Timings.VmSeconds),
    ];

    static string Seconds(double? seconds) => seconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "";
}
