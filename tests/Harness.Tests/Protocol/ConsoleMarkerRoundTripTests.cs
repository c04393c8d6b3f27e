using System.Text;
using System.Text.RegularExpressions;
using Guest.Output;
using Guest.Running;
using Guest.Scenarios;
using Harness.Tests.Judging;
using Harness.Vm;

namespace Harness.Tests.Protocol;

/// <summary>
/// The guest's markers, as its runner writes them to the kernel log, read back by the harness from a
/// console that carries them as the kernel prints them: one line per record, level stripped,
/// timestamp and caller id added.
/// </summary>
public partial class ConsoleMarkerRoundTripTests
{
    sealed class FixedScenario(string name) : IScenario
    {
        public string Name => name;
        public ScenarioOutcome Run(ScenarioSettings settings) => new(global::Protocol.ScenarioVerdict.Pass, null, [], []);
    }

    /// <summary>What printk makes of /dev/kmsg records "&lt;3&gt;text\n": the text, at its level, on the console.</summary>
    static IEnumerable<string> AsTheKernelPrintsThem(string kernelLog) =>
        kernelLog.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(record => LogLevel().Replace(record, ""));

    [GeneratedRegex(@"^<\d+>")]
    private static partial Regex LogLevel();

    [Test]
    public void The_markers_the_guest_writes_place_a_warning_in_the_scenario_it_struck()
    {
        var kernelLog = Path.GetTempFileName();
        try
        {
            using var ktap = new MemoryStream();
            new GuestRunner(new KtapWriter(ktap), new KernelLog(kernelLog)).Run(
                () => [], [new FixedScenario("alpha"), new FixedScenario("beta")], new ScenarioSettings(TimeSpan.FromSeconds(1), 1, 1, 2),
                // The kernel's WARNING lands in the log while the first scenario runs.
                afterPlan: () => File.AppendAllLines(kernelLog, ConsoleExcerpts.RefcountWarning));
            var console = ConsoleExcerpts.Console(ConsoleExcerpts.Boot, ConsoleExcerpts.GuestStarts, [.. AsTheKernelPrintsThem(File.ReadAllText(kernelLog))])
                .Select(line => line.Replace("] ", "][  T97] ", StringComparison.Ordinal)) // CONFIG_PRINTK_CALLER
                .ToList();

            var timeline = GuestConsole.Read(console).Timeline;
            var warning = ConsoleScanner.Scan(console).Single();

            Assert.That(timeline.Scenarios.Select(s => (s.Scenario, s.End.HasValue)), Is.EqualTo(new[] { ("alpha", true), ("beta", true) }));
            Assert.That(timeline.GuestDone, Is.EqualTo(console.Count));
            Assert.That(timeline.Place(warning), Is.EqualTo(new FindingPlace(warning.LineNumber, ConsoleWindow.Scenario, "alpha")));
        }
        finally
        {
            File.Delete(kernelLog);
        }
    }

    [Test]
    public void Every_marker_is_one_record_at_a_level_the_console_shows_even_with_quiet()
    {
        var kernelLog = Path.GetTempFileName();
        try
        {
            new GuestRunner(new KtapWriter(new MemoryStream()), new KernelLog(kernelLog)).Run(
                () => [], [new FixedScenario("alpha")], new ScenarioSettings(TimeSpan.FromSeconds(1), 1, 1, 2));

            Assert.That(File.ReadAllText(kernelLog, Encoding.UTF8), Is.EqualTo("<3>rseqh: begin alpha\n<3>rseqh: end alpha\n<3>rseqh: done exit=0\n"));
        }
        finally
        {
            File.Delete(kernelLog);
        }
    }
}
