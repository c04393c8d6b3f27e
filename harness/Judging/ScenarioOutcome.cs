using Protocol;

namespace Harness.Judging;

/// <summary>The harness's verdict for one scenario on one kernel, with the evidence behind it.</summary>
/// <param name="Source">
/// Where the verdict came from. Only a FAIL the guest reported is evidence of the rseq regression a
/// control is built to show; a FAIL from a kernel bug on the console is real, but says nothing about
/// that scenario, so it never meets an expected FAIL.
/// </param>
public sealed record ScenarioOutcome(
    string Scenario,
    ScenarioVerdict Outcome,
    string? Reason,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<string> Evidence,
    OutcomeSource Source = OutcomeSource.Guest);

/// <summary>Who gave a scenario its verdict.</summary>
public enum OutcomeSource
{
    /// <summary>The guest's own result line for the scenario.</summary>
    Guest,

    /// <summary>A finding on the kernel's console (oops, BUG, WARNING, panic, lockup) while or before the guest ran.</summary>
    Console,

    /// <summary>The harness: the kernel could not be had or booted, or the result stream broke or lacked the scenario.</summary>
    Harness,
}
