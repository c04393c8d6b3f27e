using System.Text;
using Harness.Judging;
using Harness.Records;
using Harness.Vm;
using Protocol;

namespace Harness.Reports.Ktap;

/// <summary>
/// results.ktap: the whole run as one KTAP version 1 document (docs.kernel.org/dev-tools/ktap.html),
/// for the kernel's own tooling (kunit.py parse, KernelCI's parsers): a test per kernel (each repeat
/// its own), a subtest per scenario with the guest's own lines (<see cref="KtapLines"/>: counters
/// and evidence as diagnostics, ERROR and SKIP as directives). Subtests are indented two spaces and
/// begin with their own version line, as the spec nests them. A kernel is <c>not ok</c> when any
/// scenario is (a FAIL or an ERROR), <c>ok … # SKIP</c> when every scenario skipped.
/// </summary>
public sealed class KtapExporter : IRunExporter
{
    const string Indent = "  ";

    public string FileName => "results.ktap";

    public string Render(RunRecord run)
    {
        var kernels = RowOrder.Of(run.Kernels);
        var text = new StringBuilder();
        text.Append(KtapLines.Version).Append('\n');
        foreach (var line in Environment(run))
            text.Append(KtapLines.Diagnostic(line)).Append('\n');
        text.Append(KtapLines.Plan(kernels.Count)).Append('\n');
        foreach (var (kernel, index) in kernels.Select((k, i) => (k, i + 1)))
            WriteKernel(text, kernel, index);
        return text.ToString();
    }

    static IEnumerable<string> Environment(RunRecord run)
    {
        yield return $"run {run.RunId}, harness {run.HarnessVersion}";
        yield return $"host {run.Host.Name}: {run.Host.Os}, {run.Host.Cpus} CPUs, kernel {run.Host.KernelRelease}";
        yield return $"qemu {run.Vm.QemuVersion}";
        yield return $"accel {run.Vm.Accel?.Word() ?? "none"} ({run.Vm.AccelReason})";
        yield return $"guest image {run.Guest.ContentHash}";
    }

    static void WriteKernel(StringBuilder text, KernelResult kernel, int number)
    {
        // A test's description cannot hold '#' (it starts the directive), so a repeat is "sid repeat 2", not "sid #2".
        var name = kernel.Repeat == 1 ? kernel.Name : $"{kernel.Name} repeat {kernel.Repeat}";
        void Line(string line) => text.Append(Indent).Append(line).Append('\n');

        Line(KtapLines.Version);
        Line(KtapLines.Diagnostic($"Subtest: {name}"));
        Line(KtapLines.Diagnostic($"{kernel.Name}: uname -r {kernel.KernelRelease ?? "-"}; {kernel.Identity ?? kernel.Source}"));
        Line(KtapLines.Diagnostic($"{kernel.Name}: expect {kernel.Expect.Describe()}; met {(kernel.MetExpectation ? "yes" : "NO")}"));
        Line(KtapLines.Plan(kernel.Scenarios.Count));
        foreach (var (outcome, index) in kernel.Scenarios.Select((s, i) => (s, i + 1)))
        {
            if (outcome.Counters.Count > 0)
                Line(KtapLines.Counters(outcome.Scenario, outcome.Counters));
            foreach (var evidence in outcome.Evidence)
                Line(KtapLines.Evidence(outcome.Scenario, evidence));
            Line(KtapLines.Result(index, outcome.Scenario, outcome.Outcome, outcome.Reason));
        }

        if (kernel.Error is { } error)
            text.Append(KtapLines.Diagnostic($"{kernel.Name}: {error}")).Append('\n');
        text.Append(KtapLines.Result(number, name, Overall(kernel), Reason(kernel))).Append('\n');
    }

    /// <summary>As the spec bubbles results up: a FAIL below fails the kernel, else an ERROR makes it an ERROR; skips alone make it a SKIP.</summary>
    static ScenarioVerdict Overall(KernelResult kernel) => kernel switch
    {
        _ when kernel.Scenarios.Any(s => s.Outcome == ScenarioVerdict.Fail) => ScenarioVerdict.Fail,
        { Error: not null } => ScenarioVerdict.Error,
        _ when kernel.Scenarios.Any(s => s.Outcome == ScenarioVerdict.Error) => ScenarioVerdict.Error,
        _ when kernel.Scenarios.Count > 0 && kernel.Scenarios.All(s => s.Outcome == ScenarioVerdict.Skip) => ScenarioVerdict.Skip,
        _ => ScenarioVerdict.Pass,
    };

    static string? Reason(KernelResult kernel) => Overall(kernel) switch
    {
        ScenarioVerdict.Error => kernel.Error ?? $"{string.Join(", ", kernel.Scenarios.Where(s => s.Outcome == ScenarioVerdict.Error).Select(s => s.Scenario))} gave no verdict",
        ScenarioVerdict.Fail => $"FAIL in {string.Join(", ", kernel.Scenarios.Where(s => s.Outcome == ScenarioVerdict.Fail).Select(s => s.Scenario))}",
        ScenarioVerdict.Skip => "every scenario skipped",
        _ => null,
    };
}
