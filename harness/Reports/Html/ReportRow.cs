using Harness.Config;
using Harness.Judging;
using Harness.Records;
using Protocol;

namespace Harness.Reports.Html;

/// <summary>
/// One kernel (one boot of it) as the report shows it: its place in kernel-version order and the
/// ids its row, its evidence and its cells answer to. Ids are made of indexes, never of names read
/// from run.json, so no untrusted text ever has to be an id or a fragment.
/// </summary>
sealed record ReportRow(int Index, KernelResult Kernel)
{
    public string Id => $"k{Index}";

    public string CellId(int column) => $"k{Index}-c{column}";

    public string Label => RowOrder.Label(Kernel);

    public ScenarioOutcome? Outcome(string scenario) => Kernel.Scenarios.FirstOrDefault(s => s.Scenario == scenario);

    /// <summary>Why this scenario did not meet the kernel's expectation (ExpectationCheck's phrase); null when it did.</summary>
    public string? Miss(string scenario) =>
        Kernel.ExpectationMisses.FirstOrDefault(miss => miss.StartsWith(scenario + ":", StringComparison.Ordinal));

    /// <summary>What the kernel's expectation asks of this scenario, in the words of ExpectationCheck.</summary>
    public string Expected(string scenario) => scenario switch
    {
        _ when ScenarioNames.IsSelftest(scenario) => "not counted: the kernel's own selftest, a second opinion",
        _ when Kernel.Expect.FailingScenarios.Contains(scenario, StringComparer.Ordinal) => "FAIL, as the guest reports it",
        _ when Kernel.Expect.Kind == ExpectationKind.Pass || Kernel.Expect.FailingScenarios.Count > 0 =>
            "PASS (or a SKIP the kernel's version allows)",
        _ => "any outcome but ERROR (the kernel must FAIL in some scenario)",
    };

    /// <summary>The run's kernels in the order every report lists them (<see cref="RowOrder"/>: kernel version, repeats together).</summary>
    public static IReadOnlyList<ReportRow> InReleaseOrder(RunRecord run) =>
        RowOrder.Of(run.Kernels).Select((kernel, index) => new ReportRow(index, kernel)).ToList();
}
