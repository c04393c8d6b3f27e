using Protocol;

namespace Guest.Scenarios;

/// <summary>
/// What a scenario found: its verdict (with the reason for anything but PASS), the counters the
/// harness reads by name, and a few lines of evidence.
/// </summary>
internal sealed record ScenarioOutcome(
    ScenarioVerdict Verdict,
    string? Reason,
    IReadOnlyList<KeyValuePair<string, long>> Counters,
    IReadOnlyList<string> Evidence)
{
    /// <summary>The most evidence lines a scenario prints, so a serial log stays readable.</summary>
    public const int MaxEvidenceLines = 5;

    public static ScenarioOutcome Error(string reason) => new(ScenarioVerdict.Error, reason, [], []);
}
