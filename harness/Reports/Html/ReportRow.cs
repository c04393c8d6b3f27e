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

    public string Label => Kernel.Repeat == 1 ? Kernel.Name : $"{Kernel.Name} #{Kernel.Repeat}";

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

    /// <summary>
    /// The run's kernels in kernel-version order (their <c>uname -r</c>, else the Debian package
    /// version), repeats of a kernel together; kernels that never told their version come last, in
    /// matrix order.
    /// </summary>
    public static IReadOnlyList<ReportRow> InReleaseOrder(RunRecord run) =>
        run.Kernels
            .Select(kernel => (kernel, release: Release(run, kernel.Name), firstSeen: run.Kernels.ToList().FindIndex(k => k.Name == kernel.Name)))
            .OrderBy(k => k.release is null)
            .ThenBy(k => k.release ?? "", ReleaseOrder.Instance)
            .ThenBy(k => k.firstSeen)
            .ThenBy(k => k.kernel.Repeat)
            .Select((k, index) => new ReportRow(index, k.kernel))
            .ToList();

    // Per kernel name, not per boot: a repeat that never booted stays beside the boots that did.
    static string? Release(RunRecord run, string name) =>
        run.Kernels.Where(k => k.Name == name).Select(k => k.KernelRelease ?? k.Provenance?.Debian?.Version).FirstOrDefault(r => r is not null);
}
