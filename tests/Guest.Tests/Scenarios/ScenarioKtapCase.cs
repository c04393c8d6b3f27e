using Guest.Scenarios;
using Protocol;

namespace Guest.Tests.Scenarios;

/// <summary>
/// One recorded run of a scenario, judged by that scenario's real verdict function, and what its
/// KTAP lines must then show.
/// </summary>
/// <remarks>
/// A class with internal members rather than a record: the outcome's type is internal to the guest,
/// and NUnit hands the case to public test methods.
/// </remarks>
public sealed class ScenarioKtapCase
{
    /// <param name="counters">The counters line expected, by name; null when the scenario writes none.</param>
    /// <param name="reasonParts">Fragments the result line's reason must contain; none for a PASS, whose reason is empty.</param>
    internal ScenarioKtapCase(
        string run,
        string scenario,
        ScenarioVerdict verdict,
        ScenarioOutcome outcome,
        IReadOnlyDictionary<string, long>? counters,
        params string[] reasonParts)
    {
        Run = run;
        Scenario = scenario;
        Verdict = verdict;
        Outcome = outcome;
        Counters = counters;
        ReasonParts = reasonParts;
    }

    /// <summary>The recorded run in a few words, shown in the test's name.</summary>
    public string Run { get; }

    public string Scenario { get; }

    public ScenarioVerdict Verdict { get; }

    internal ScenarioOutcome Outcome { get; }

    public IReadOnlyDictionary<string, long>? Counters { get; }

    public IReadOnlyList<string> ReasonParts { get; }

    /// <summary>The counter names a scenario reports, paired with one run's recorded values.</summary>
    public static IReadOnlyDictionary<string, long> CountersOf(IReadOnlyList<string> names, params long[] values)
    {
        if (names.Count != values.Length)
            throw new ArgumentException($"{names.Count} counter names but {values.Length} values", nameof(values));
        return names.Zip(values).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    public TestCaseData ToTestCaseData() => new TestCaseData(this).SetArgDisplayNames($"{Scenario} {Verdict}: {Run}");

    public override string ToString() => $"{Scenario} {Verdict}: {Run}";
}
