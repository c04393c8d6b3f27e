using Protocol;

namespace Harness.Judging;

/// <summary>What the guest reported for one scenario: its own verdict, counters and evidence lines.</summary>
public sealed record ScenarioReport(
    string Name,
    ScenarioVerdict Verdict,
    string? Reason,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<string> Evidence);
