using System.Text;
using Guest.Output;
using Guest.Running;
using Guest.Scenarios;
using Protocol;

namespace Guest.Tests.Output;

public class KernelLogTests
{
    sealed class RecordingLog : IKernelLog
    {
        public List<string> Markers { get; } = [];
        public void Write(string marker) => Markers.Add(marker);
    }

    sealed class FixedScenario(string name, Action? during = null) : IScenario
    {
        public string Name => name;

        public ScenarioOutcome Run(ScenarioSettings settings)
        {
            during?.Invoke();
            return new(ScenarioVerdict.Pass, null, [], []);
        }
    }

    static readonly ScenarioSettings Settings = new(TimeSpan.FromSeconds(1), Seed: 7, Threads: 2, Cpus: 2);

    [Test]
    public void A_kernel_log_that_cannot_be_opened_is_skipped_and_the_run_still_writes_its_whole_stream()
    {
        using var ktap = new MemoryStream();

        var exitCode = new GuestRunner(new KtapWriter(ktap), new KernelLog("/nonexistent-folder/kmsg")).Run(() => [], [new FixedScenario("alpha")], Settings);

        Assert.That(exitCode, Is.EqualTo(GuestRunner.ExitAllScenariosRan));
        Assert.That(Encoding.UTF8.GetString(ktap.ToArray()), Does.EndWith(KtapLines.Done(0) + "\n"));
    }

    [Test]
    public void Each_scenario_runs_between_its_begin_and_end_markers_and_the_done_marker_comes_last()
    {
        var log = new RecordingLog();
        var seenDuringAlpha = new List<string>();

        new GuestRunner(new KtapWriter(new MemoryStream()), log).Run(() => [],
            [new FixedScenario("alpha", () => seenDuringAlpha.AddRange(log.Markers)), new FixedScenario("beta")], Settings);

        Assert.That(seenDuringAlpha, Is.EqualTo(new[] { ConsoleMarkers.Begin("alpha") }));
        Assert.That(log.Markers, Is.EqualTo(new[]
        {
            ConsoleMarkers.Begin("alpha"), ConsoleMarkers.End("alpha"), ConsoleMarkers.Begin("beta"), ConsoleMarkers.End("beta"), ConsoleMarkers.Done(0),
        }));
    }

    [Test]
    public void An_injected_fault_fires_inside_the_first_scenarios_window()
    {
        var log = new RecordingLog();
        var seenByFault = new List<string>();

        new GuestRunner(new KtapWriter(new MemoryStream()), log).Run(() => [], [new FixedScenario("alpha")], Settings,
            afterPlan: () => seenByFault.AddRange(log.Markers));

        Assert.That(seenByFault, Is.EqualTo(new[] { ConsoleMarkers.Begin("alpha") }));
    }

    [Test]
    public void The_markers_parse_back_to_what_was_written()
    {
        Assert.That(ConsoleMarkers.TryParse(ConsoleMarkers.Begin("selftest:basic_test"), out var begin) && begin == new ConsoleMarker(ConsoleMarkerKind.Begin, "selftest:basic_test"));
        Assert.That(ConsoleMarkers.TryParse(ConsoleMarkers.End("alpha"), out var end) && end == new ConsoleMarker(ConsoleMarkerKind.End, "alpha"));
        Assert.That(ConsoleMarkers.TryParse(ConsoleMarkers.Done(1), out var done) && done.Kind == ConsoleMarkerKind.Done);
        Assert.That(ConsoleMarkers.TryParse("harness-init: running /bin/guest", out _), Is.False);
    }
}
