using System.Text;
using Guest.Output;
using Guest.Running;
using Guest.Scenarios;
using Protocol;

namespace Guest.Tests.Running;

public class GuestRunnerTests
{
    static readonly ScenarioSettings Settings = new(TimeSpan.FromSeconds(1), Seed: 7, Threads: 2, Cpus: 2);

    sealed class FixedScenario(string name, Func<ScenarioOutcome> run) : IScenario
    {
        public string Name => name;
        public ScenarioOutcome Run(ScenarioSettings settings) => run();
    }

    static (int ExitCode, string[] Lines) Run(Func<IReadOnlyList<KeyValuePair<string, string>>> info, params IScenario[] scenarios)
    {
        using var stream = new MemoryStream();
        var exitCode = new GuestRunner(new KtapWriter(stream)).Run(info, scenarios, Settings);
        return (exitCode, Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    static IReadOnlyList<KeyValuePair<string, string>> SomeInfo() => [new(InfoKeys.Cpus, "2")];

    static ScenarioOutcome Passing() =>
        new(ScenarioVerdict.Pass, null, [new(CounterNames.Forks, 10)], ["one", "two", "three", "four", "five", "six"]);

    [Test]
    public void A_run_writes_version_info_plan_counters_evidence_result_and_done_in_order()
    {
        var (exitCode, lines) = Run(SomeInfo, new FixedScenario("alpha", Passing));

        Assert.That(exitCode, Is.Zero);
        Assert.That(lines[0], Is.EqualTo(KtapLines.Version));
        Assert.That(KtapLines.TryParseInfo(lines[1], out var key, out var value) && key == InfoKeys.Cpus && value == "2", Is.True);
        Assert.That(KtapLines.TryParsePlan(lines[2], out var planned) && planned == 1, Is.True);
        Assert.That(KtapLines.TryParseCounters(lines[3], out var scenario, out var counters), Is.True);
        Assert.That((scenario, counters[CounterNames.Forks]), Is.EqualTo(("alpha", 10L)));
        Assert.That(lines.Count(line => KtapLines.TryParseEvidence(line, out _, out _)), Is.EqualTo(ScenarioOutcome.MaxEvidenceLines));
        Assert.That(KtapLines.TryParseResult(lines[^2], out var result), Is.True);
        Assert.That(result, Is.EqualTo(new KtapResult(1, "alpha", ScenarioVerdict.Pass, null)));
        Assert.That(KtapLines.TryParseDone(lines[^1], out var done) && done == 0, Is.True);
    }

    [Test]
    public void A_scenario_that_throws_gets_an_error_line_and_the_next_one_still_runs()
    {
        var (exitCode, lines) = Run(SomeInfo,
            new FixedScenario("broken", () => throw new InvalidOperationException("mmap failed")),
            new FixedScenario("alpha", Passing));

        var results = lines.Select(line => KtapLines.TryParseResult(line, out var result) ? result : null).OfType<KtapResult>().ToList();
        Assert.That(exitCode, Is.Zero);
        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results[0].Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(results[0].Reason, Does.Contain("mmap failed"));
        Assert.That(results[1].Verdict, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(lines[^1], Is.EqualTo(KtapLines.Done(0)));
    }

    [Test]
    public void A_crash_outside_the_scenarios_still_ends_the_stream_with_a_non_zero_done_line()
    {
        var (exitCode, lines) = Run(() => throw new IOException("no uname"), new FixedScenario("alpha", Passing));

        Assert.That(exitCode, Is.EqualTo(GuestRunner.ExitCrashed));
        Assert.That(lines, Has.Some.Contains("no uname"));
        Assert.That(KtapLines.TryParseDone(lines[^1], out var done) && done == GuestRunner.ExitCrashed, Is.True);
    }
}
