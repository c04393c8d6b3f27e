using System.Globalization;
using Harness.Judging;
using Harness.Records;
using Harness.Vm;
using Protocol;

namespace Harness.Reports;

/// <summary>
/// The one table model every summary renders: a row per kernel, a column per scenario. Values
/// shared by all rows (QEMU, accel, guest) are lifted into <see cref="Preamble"/> instead of being
/// repeated in each row.
/// </summary>
public sealed record ResultTable(
    IReadOnlyList<KeyValuePair<string, string>> Preamble,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<Cell>> Rows,
    IReadOnlyList<string> Notes)
{
    public static ResultTable From(RunRecord run)
    {
        var preamble = new List<KeyValuePair<string, string>>
        {
            new("run", run.RunId),
            new("harness", run.HarnessVersion),
            new("host", $"{run.Host.Name}: {run.Host.Os}, {run.Host.Cpus} CPUs, kernel {run.Host.KernelRelease}"),
            new("qemu", run.Vm.QemuVersion),
            new("accel", $"{run.Vm.Accel?.Word() ?? "none"} ({run.Vm.AccelReason})"),
            new("guest image", $"{Short(run.Guest.ContentHash)}{(run.Guest.FromCache ? " (cached)" : $" (built in {run.Guest.BuildSeconds:0.0} s)")}"),
            new("matrix", run.MatrixFile),
        };
        if (run.Shard is { } shard)
            preamble.Add(new("shard", $"{shard} of {shard.MatrixKernels.Count} kernels"));
        // A merged run keeps each shard's environment: the lines above are shard 1's.
        foreach (var part in run.MergedShards)
            preamble.Add(new($"shard {part.Index}/{part.Count}", $"{string.Join(", ", part.Kernels)} on {part.Host.Name} ({part.Host.Cpus} CPUs), " +
                $"accel {part.Vm.Accel?.Word() ?? "none"}, guest image {Short(part.Guest.ContentHash)}, {part.Folder}"));

        // Selftest columns come from what kernels reported: only kernels built with them have any;
        // the console column only when some row had a kernel bug between scenarios.
        var columns = run.Scenarios
            .Concat(run.Kernels.SelectMany(k => k.Scenarios).Select(s => s.Scenario).Where(ScenarioNames.IsSelftest))
            .Concat(run.Kernels.SelectMany(k => k.Scenarios).Select(s => s.Scenario).Where(s => s == OutcomeJudge.ConsoleColumn))
            .Distinct()
            .ToList();
        var header = new List<string> { "kernel", "uname -r", "expect" };
        header.AddRange(columns);
        header.Add("met");

        // One row per kernel: with --repeat its boots share the row, each cell the worst outcome and the failure rate (every boot stays in the notes and run.json).
        var rows = RowOrder.Of(run.Kernels).GroupBy(k => k.Name).Select(group =>
        {
            var boots = group.ToList();
            var release = string.Join(", ", boots.Select(b => b.KernelRelease).OfType<string>().Distinct());
            var row = new List<Cell> { new TextCell(boots.Count == 1 ? Label(boots[0]) : group.Key), new TextCell(release.Length > 0 ? release : "-"), new TextCell(boots[0].Expect.Describe()) };
            foreach (var scenario in columns)
                row.Add(Outcome(boots.Select(b => b.Scenarios.FirstOrDefault(s => s.Scenario == scenario)).OfType<ScenarioOutcome>().ToList(), boots.Count));
            row.Add(new MetCell(boots.All(b => b.MetExpectation)));
            return (IReadOnlyList<Cell>)row;
        }).ToList();

        return new ResultTable(preamble, header, rows, NotesFor(run));
    }

    /// <summary>A FAIL in any boot shows over the PASSes of the others; an ERROR over PASS and SKIP.</summary>
    static readonly ScenarioVerdict[] WorstFirst = [ScenarioVerdict.Fail, ScenarioVerdict.Error, ScenarioVerdict.Skip, ScenarioVerdict.Pass];

    /// <summary>The cell of one scenario over a kernel's boots: the worst outcome with the reason of the first boot that had it.</summary>
    static OutcomeCell Outcome(IReadOnlyList<ScenarioOutcome> results, int boots)
    {
        var outcomes = results.Select(r => r.Outcome).ToList();
        var worst = outcomes.Count == 0 ? (ScenarioVerdict?)null : WorstFirst.First(outcomes.Contains);
        return new(worst, results.FirstOrDefault(r => r.Outcome == worst)?.Reason)
        {
            // Of the boots with a verdict: an ERROR says nothing about the kernel, and a SKIP is no attempt.
            Rate = boots > 1 && outcomes.Any(o => o is ScenarioVerdict.Fail or ScenarioVerdict.Pass or ScenarioVerdict.Error)
                ? new FailureRate(outcomes.Count(o => o == ScenarioVerdict.Fail), outcomes.Count(o => o == ScenarioVerdict.Error),
                    outcomes.Count(o => o is ScenarioVerdict.Fail or ScenarioVerdict.Pass))
                : null,
        };
    }

    /// <summary>The evidence and reasons behind every row that is not a plain PASS, each kernel's timing, and the regression hints.</summary>
    static List<string> NotesFor(RunRecord run)
    {
        var notes = new List<string>();
        foreach (var kernel in RowOrder.Of(run.Kernels))
        {
            var timing = string.Create(CultureInfo.InvariantCulture,
                $"{Label(kernel)}: {kernel.Identity ?? kernel.Source}; {Acquired(kernel.Timings)}");
            if (kernel.Timings.BootSeconds is { } boot)
                timing += string.Create(CultureInfo.InvariantCulture, $", boot {boot:0.0} s");
            if (kernel.Timings.VmSeconds is { } vm)
                timing += string.Create(CultureInfo.InvariantCulture, $", VM {vm:0.0} s");
            if (kernel.Timings.Phases is { } phases)
                timing += string.Create(CultureInfo.InvariantCulture,
                    $" (QEMU to kernel {phases.QemuToKernel:0.00} s, kernel to /init {phases.KernelToInit:0.00} s, /init to first line {phases.InitToFirstLine:0.00} s, last line to exit {phases.LastLineToExit:0.00} s)");
            notes.Add(timing);
            if (kernel.Error is not null)
                notes.Add($"{Label(kernel)}: ERROR {kernel.Error}");
            if (!kernel.MetExpectation && kernel.Error is null)
                notes.Add($"{Label(kernel)}: expectation ({kernel.Expect.Describe()}) not met: {string.Join("; ", kernel.ExpectationMisses)}".TrimEnd(' ', ':'));
            foreach (var outcome in kernel.Scenarios)
            {
                var counters = string.Join(" ", outcome.Counters.Select(c => $"{c.Key}={c.Value}"));
                if (outcome.Outcome == ScenarioVerdict.Pass)
                {
                    notes.Add($"{Label(kernel)} {outcome.Scenario}: PASS {counters}".TrimEnd());
                    continue;
                }
                notes.Add($"{Label(kernel)} {outcome.Scenario}: {VerdictWords.Word(outcome.Outcome)} {outcome.Reason} {counters}".TrimEnd());
                notes.AddRange(outcome.Evidence.Take(3).Select(e => $"{Label(kernel)} {outcome.Scenario}:   {e}"));
            }
            notes.AddRange(AfterTheGuest(kernel));
        }
        // Last, where the eye lands after the table: a PASS-to-FAIL step between two kernels is where a bisect starts.
        foreach (var hint in RegressionHint.Find(run.Kernels))
            notes.Add($"regression hint: {hint.Describe()}; find the commit with: {hint.Command(run.MatrixFile)}");
        return notes;
    }

    /// <summary>Findings printed after the guest finished: named here, counted nowhere (see OutcomeJudge.Places).</summary>
    static IEnumerable<string> AfterTheGuest(KernelResult kernel) =>
        from place in kernel.ConsoleWindows
        where place.Window == Vm.ConsoleWindow.AfterGuest
        join finding in kernel.ConsoleFindings on place.LineNumber equals finding.LineNumber
        select $"{Label(kernel)}: kernel {OutcomeJudge.Describe(finding.Kind)} on the console after the guest finished " +
               $"({kernel.ConsoleLog} line {finding.LineNumber}; not counted): {finding.Line}";

    static string Label(KernelResult kernel) => RowOrder.Label(kernel);

    static string Acquired(KernelTimings timings) => timings.Build switch
    {
        null => string.Create(CultureInfo.InvariantCulture,
            $"kernel {(timings.KernelFromCache ? "cached" : "fetched")} in {timings.AcquireSeconds:0.0} s"),
        { FromCache: false } build => string.Create(CultureInfo.InvariantCulture,
            $"built in {build.Seconds:0} s (log {build.LogPath})"),
        var build => string.Create(CultureInfo.InvariantCulture,
            $"cached build, {build.Seconds:0.0} s{(build.ColdBuildSeconds is { } cold ? $" (cold build took {cold:0} s)" : "")}"),
    };

    static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
