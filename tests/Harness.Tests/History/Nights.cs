using Harness.Config;
using Harness.History;
using Harness.Judging;
using Harness.Records;
using Protocol;

namespace Harness.Tests.History;

/// <summary>Recorded runs made in code, as few fields as a history reads: kernels, their expectation, their outcomes.</summary>
static class Nights
{
    static readonly DateTimeOffset FirstNight = new(2026, 11, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A kernel's row of a run: each outcome a scenario and its verdict (the guest's, unless said otherwise).</summary>
    public static KernelResult Kernel(string name, params (string Scenario, ScenarioVerdict Outcome)[] outcomes) =>
        Kernel(name, Expectation.Pass, outcomes);

    public static KernelResult Kernel(string name, Expectation expect, params (string Scenario, ScenarioVerdict Outcome)[] outcomes) =>
        new(name, 1, "debian sid/linux-image-amd64", $"{name}=1", expect, "6.12.117+deb13-amd64",
            outcomes.Select(o => new ScenarioOutcome(o.Scenario, o.Outcome, o.Outcome == ScenarioVerdict.Pass ? null : $"{o.Outcome} reason",
                new Dictionary<string, long>(), [])).ToList(),
            true, null, new KernelTimings(0.1, true, 5, 20), null, 0, [], null, null, new Dictionary<string, string>(), 1);

    /// <summary>The same kernel booted again (<c>--repeat</c>).</summary>
    public static KernelResult Again(this KernelResult kernel, int repeat, params (string Scenario, ScenarioVerdict Outcome)[] outcomes) =>
        Kernel(kernel.Name, kernel.Expect, outcomes) with { Repeat = repeat };

    /// <summary>The kernel with one outcome's source changed (a FAIL from the console rather than the guest).</summary>
    public static KernelResult From(this KernelResult kernel, string scenario, OutcomeSource source) =>
        kernel with { Scenarios = kernel.Scenarios.Select(s => s.Scenario == scenario ? s with { Source = source } : s).ToList() };

    /// <summary>Night <paramref name="number"/> (1-based), a day after the one before, in a folder named after its start.</summary>
    public static RecordedRun Night(int number, params KernelResult[] kernels)
    {
        var started = FirstNight.AddDays(number - 1);
        var id = started.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var record = new RunRecord(RunRecord.CurrentSchemaVersion, id, "0.1.0", started, started.AddMinutes(5), "kernels.yaml",
            new HostInfo("host", "Debian GNU/Linux 12 (bookworm)", "6.1.0", 2),
            new VmEnvironment("QEMU emulator version 7.2.22", Harness.Vm.Accel.Tcg, "no KVM"),
            new GuestImageInfo("0cac7773bd1ffd453478141e1fadeb1e", true, 0),
            kernels.SelectMany(k => k.Scenarios).Select(s => s.Scenario).Distinct().ToList(),
            kernels);
        return new RecordedRun(Path.Combine("/results", id), record);
    }

    public static (string, ScenarioVerdict) Pass(string scenario) => (scenario, ScenarioVerdict.Pass);

    public static (string, ScenarioVerdict) Fail(string scenario) => (scenario, ScenarioVerdict.Fail);

    public static (string, ScenarioVerdict) Error(string scenario) => (scenario, ScenarioVerdict.Error);

    public static (string, ScenarioVerdict) Skip(string scenario) => (scenario, ScenarioVerdict.Skip);

    /// <summary>The classification of one kernel × scenario cell in each run shown, oldest first (null: not in that run).</summary>
    public static IReadOnlyList<Classification?> ClassesOf(this HistoryTable table, string kernel, string scenario) =>
        table.Rows.Single(r => r.Kernel == kernel).Nights
            .Select(night => night?.Cells.SingleOrDefault(c => c.Cell.Scenario == scenario)?.Classification)
            .ToList();

    /// <summary>Writes the runs as run folders under <paramref name="resultsRoot"/>, as a run would.</summary>
    public static void WriteTo(string resultsRoot, params RecordedRun[] runs)
    {
        foreach (var run in runs)
        {
            var folder = Directory.CreateDirectory(Path.Combine(resultsRoot, run.Name)).FullName;
            File.WriteAllText(Path.Combine(folder, RunReader.FileName), RunRecordJson.Serialize(run.Record));
        }
    }
}
