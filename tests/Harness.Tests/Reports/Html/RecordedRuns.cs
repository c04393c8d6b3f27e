using Harness.Config;
using Harness.Judging;
using Harness.Records;
using Harness.Tests.Records;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Reports.Html;

/// <summary>
/// Runs for the report's tests: the recorded sample run (PASS, FAIL from the console, ERROR) with a
/// third kernel that PASSes and SKIPs, and a run whose every free-text value is hostile markup.
/// </summary>
static class RecordedRuns
{
    /// <summary>SampleRun.Full() and trixie-6.12: every outcome, a control, a kernel that never reported its release.</summary>
    public static RunRecord WithEveryOutcome()
    {
        var run = SampleRun.Full();
        var trixie = new KernelResult(
            "trixie-6.12", 1, "debian trixie/linux-image-amd64", "linux-image-6.12.117+deb13-amd64=6.12.117-1", Expectation.Pass, "6.12.117+deb13-amd64",
            [
                new ScenarioOutcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null,
                    new Dictionary<string, long> { [CounterNames.Forks] = 300, [CounterNames.CrossCpuStarts] = 258, [CounterNames.ElapsedMs] = 1550 },
                    ["child started on another CPU: cpu_id=3/3 getcpu=3 parent_cpu=0"]),
                new ScenarioOutcome(ScenarioNames.CsAbort, ScenarioVerdict.Skip, "kernel lacks rseq (ENOSYS)", new Dictionary<string, long>(), []),
            ],
            true, null, new KernelTimings(0.2, true, 6.5, 27.4), VmEnd.Completed, 0, [], "trixie-6.12.console.log", "trixie-6.12.ktap.log",
            new Dictionary<string, string> { [InfoKeys.StressMultiple] = "10" }, 1);
        return run with { Kernels = [.. run.Kernels, trixie] };
    }

    /// <summary>Every path the run's record names, relative to its folder: the files a run folder holds beside run.json.</summary>
    public static IEnumerable<string> LogFiles(RunRecord run) =>
        run.Kernels.SelectMany(k => new[] { k.ConsoleLog, k.ResultsLog }.OfType<string>().Concat(k.EarlierBootConsoles)).Distinct();

    public const string HostileMarkup = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

    public const string HostileUrl = "https://evil.example/x";

    public const string HostileScenario = $"s{HostileMarkup}";

    /// <summary>A run whose names, reasons, console lines, host and paths are all markup, and whose log paths point outside its folder.</summary>
    public static RunRecord Hostile()
    {
        var run = WithEveryOutcome();
        var kernel = run.Kernels[0];
        var finding = new ConsoleFinding(ConsoleFindingKind.Warning, 7, $"WARNING: {HostileMarkup}</pre><a href=\"{HostileUrl}\">x</a>")
        {
            Trace = [$"<style>body{{background:url({HostileUrl})}}</style>"],
        };
        var hostile = kernel with
        {
            Name = $"k{HostileMarkup}",
            KernelRelease = $"6.1{HostileMarkup}",
            Scenarios =
            [
                .. kernel.Scenarios,
                new ScenarioOutcome(ScenarioNames.MigrationStorm, ScenarioVerdict.Fail, $"reason {HostileMarkup}",
                    new Dictionary<string, long> { [$"counter{HostileMarkup}"] = 1 }, [$"evidence {HostileMarkup}", HostileUrl]),
                new ScenarioOutcome(HostileScenario, ScenarioVerdict.Error, null, new Dictionary<string, long>(), []),
            ],
            Error = $"error {HostileMarkup}",
            ConsoleFindings = [finding],
            ConsoleWindows = [new FindingPlace(7, ConsoleWindow.Scenario, ScenarioNames.MigrationStorm)],
            ConsoleLog = "../../etc/passwd",
            ResultsLog = HostileUrl,
            EarlierBootConsoles = ["/etc/shadow", "javascript:alert(3)", "ok/../../up", $"x{HostileMarkup}.console.log"],
        };
        return run with
        {
            RunId = $"run{HostileMarkup}",
            HarnessVersion = HostileMarkup,
            MatrixFile = $"/m/{HostileMarkup}",
            Host = run.Host with { Name = HostileMarkup, Os = HostileMarkup },
            Vm = run.Vm with { QemuVersion = HostileMarkup, AccelReason = HostileMarkup },
            Scenarios = [.. run.Scenarios, ScenarioNames.MigrationStorm, HostileScenario],
            Kernels = [hostile, .. run.Kernels.Skip(1)],
        };
    }
}
