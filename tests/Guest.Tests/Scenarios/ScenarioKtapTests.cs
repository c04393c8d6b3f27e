using Guest.Scenarios;
using Guest.Tests.Scenarios.AbiV2;
using Guest.Tests.Scenarios.AffinityPin;
using Guest.Tests.Scenarios.CsAbort;
using Guest.Tests.Scenarios.ForkCpuId;
using Guest.Tests.Scenarios.LegacyCpuIdStart;
using Guest.Tests.Scenarios.MigrationStorm;
using Guest.Tests.Scenarios.NodeIdMmCid;
using Protocol;

namespace Guest.Tests.Scenarios;

/// <summary>
/// The KTAP each scenario emits: recorded counters judged by the scenario's real verdict function,
/// written by the real runner and read back with the protocol's parser, as the harness reads them.
/// </summary>
public class ScenarioKtapTests
{
    /// <summary>The words every scenario's stress error starts with.</summary>
    internal const string InsufficientStress = "insufficient stress";

    static IEnumerable<ScenarioKtapCase> Cases() =>
        ForkCpuIdKtapCases.All()
            .Concat(AffinityPinKtapCases.All())
            .Concat(MigrationStormKtapCases.All())
            .Concat(NodeIdMmCidKtapCases.All())
            .Concat(CsAbortKtapCases.All())
            .Concat(LegacyCpuIdStartKtapCases.All())
            .Concat(AbiV2KtapCases.All());

    static IEnumerable<TestCaseData> Runs() => Cases().Select(run => run.ToTestCaseData());

    // The stream's frame is written by one runner whatever the scenario: one case of each verdict
    // shows it, where every case of every scenario only repeated the same check.
    static IEnumerable<TestCaseData> OnePerVerdict() =>
        Cases().GroupBy(run => run.Outcome.Verdict).Select(group => group.First().ToTestCaseData());

    [TestCaseSource(nameof(OnePerVerdict))]
    public void The_stream_starts_with_the_version_and_a_plan_of_one_and_ends_with_done_exit_0(ScenarioKtapCase run)
    {
        var (exitCode, lines) = ScenarioKtapStream.Emit(run.Scenario, run.Outcome);

        Assert.That(exitCode, Is.Zero);
        Assert.That(lines[0], Is.EqualTo(KtapLines.Version));
        Assert.That(KtapLines.TryParsePlan(lines[1], out var planned), Is.True, lines[1]);
        Assert.That(planned, Is.EqualTo(1));
        Assert.That(KtapLines.TryParseDone(lines[^1], out var exit), Is.True, lines[^1]);
        Assert.That(exit, Is.Zero);
    }

    [TestCaseSource(nameof(Runs))]
    public void Between_plan_and_done_there_are_only_the_scenarios_counters_evidence_and_result_lines(ScenarioKtapCase run)
    {
        var (_, lines) = ScenarioKtapStream.Emit(run.Scenario, run.Outcome);

        var scenarioLines = lines[2..^1];
        var expectedCount = (run.Counters is null ? 0 : 1)
            + Math.Min(run.Outcome.Evidence.Count, ScenarioOutcome.MaxEvidenceLines) + 1;
        Assert.That(scenarioLines, Has.Length.EqualTo(expectedCount), string.Join('\n', lines));
        Assert.That(scenarioLines, Has.All.Matches<string>(line => NamesTheScenario(line, run.Scenario)), string.Join('\n', lines));
    }

    [TestCaseSource(nameof(Runs))]
    public void The_counters_line_follows_the_plan_with_the_scenarios_own_counter_names_and_recorded_values(ScenarioKtapCase run)
    {
        var (_, lines) = ScenarioKtapStream.Emit(run.Scenario, run.Outcome);

        var countersLines = lines.Where(line => KtapLines.TryParseCounters(line, out _, out _)).ToList();
        if (run.Counters is null)
        {
            Assert.That(countersLines, Is.Empty);
            return;
        }
        Assert.That(countersLines, Has.Count.EqualTo(1));
        Assert.That(countersLines[0], Is.EqualTo(lines[2]));
        KtapLines.TryParseCounters(countersLines[0], out var scenario, out var counters);
        Assert.That(scenario, Is.EqualTo(run.Scenario));
        Assert.That(counters, Is.EquivalentTo(run.Counters), countersLines[0]);
    }

    [TestCaseSource(nameof(Runs))]
    public void The_evidence_lines_appear_in_order_and_no_more_than_the_maximum(ScenarioKtapCase run)
    {
        var (_, lines) = ScenarioKtapStream.Emit(run.Scenario, run.Outcome);

        var evidence = lines
            .Select(line => KtapLines.TryParseEvidence(line, out var scenario, out var text) ? (Scenario: scenario, Text: text) : default)
            .Where(parsed => parsed.Scenario is not null)
            .ToList();
        Assert.That(evidence, Has.Count.LessThanOrEqualTo(ScenarioOutcome.MaxEvidenceLines));
        Assert.That(evidence.Select(parsed => parsed.Scenario), Has.All.EqualTo(run.Scenario));
        Assert.That(evidence.Select(parsed => parsed.Text), Is.EqualTo(run.Outcome.Evidence.Take(ScenarioOutcome.MaxEvidenceLines)));
        if (run.Verdict == ScenarioVerdict.Fail)
            Assert.That(evidence, Is.Not.Empty, "a FAIL must show what it saw");
    }

    [TestCaseSource(nameof(Runs))]
    public void The_result_line_has_the_verdict_and_a_reason_naming_the_cause(ScenarioKtapCase run)
    {
        var (_, lines) = ScenarioKtapStream.Emit(run.Scenario, run.Outcome);

        Assert.That(KtapLines.TryParseResult(lines[^2], out var result), Is.True, lines[^2]);
        Assert.That((result.Number, result.Name, result.Verdict), Is.EqualTo((1, run.Scenario, run.Verdict)), lines[^2]);
        if (run.Verdict == ScenarioVerdict.Pass)
            Assert.That(result.Reason, Is.Null);
        else
            Assert.That(result.Reason, Is.Not.Null.And.Not.Empty);
        foreach (var part in run.ReasonParts)
            Assert.That(result.Reason, Does.Contain(part), lines[^2]);
    }

    [Test]
    public void Every_scenario_has_a_pass_a_fail_an_insufficient_stress_error_and_a_skip_run()
    {
        var verdictsByScenario = Cases()
            .GroupBy(run => run.Scenario)
            .ToDictionary(group => group.Key, group => group.Select(run => run.Verdict).ToHashSet());

        Assert.That(verdictsByScenario.Keys, Is.EquivalentTo(ScenarioNames.All));
        Assert.That(verdictsByScenario.Values, Has.All.SupersetOf(Enum.GetValues<ScenarioVerdict>()));
        var stressErrors = Cases()
            .Where(run => run.Verdict == ScenarioVerdict.Error && run.ReasonParts.Contains(InsufficientStress))
            .Select(run => run.Scenario);
        Assert.That(stressErrors.Distinct(), Is.EquivalentTo(ScenarioNames.All));
    }

    static bool NamesTheScenario(string line, string scenario) =>
        (KtapLines.TryParseCounters(line, out var name, out _) && name == scenario)
        || (KtapLines.TryParseEvidence(line, out name, out _) && name == scenario)
        || (KtapLines.TryParseResult(line, out var result) && result.Name == scenario);
}
