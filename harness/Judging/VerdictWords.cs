using Protocol;

namespace Harness.Judging;

/// <summary>The outcome words as every table, log and file spells them (the KCIDB words, in capitals).</summary>
public static class VerdictWords
{
    public static string Word(ScenarioVerdict verdict) => verdict.ToString().ToUpperInvariant();
}
