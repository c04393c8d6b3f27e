using Protocol;

namespace Harness.Results;

/// <summary>The harness's verdict for one scenario on one kernel, with the evidence behind it.</summary>
public sealed record ScenarioOutcome(
    string Scenario,
    ScenarioVerdict Outcome,
    string? Reason,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<string> Evidence);
