using Harness.Config;
using Protocol;

namespace Harness.Judging;

/// <summary>Whether a kernel's outcomes are what its entry declared, and if not, why, scenario by scenario.</summary>
/// <remarks>
/// The kernel's own selftests never count: they are a second opinion shown beside the scenarios, and
/// the controls exist precisely because that suite misses some regressions (5.10's passes on the
/// fork regression), so counting them would make the expectation say something else.
/// </remarks>
public static class ExpectationCheck
{
    /// <summary>
    /// <c>pass</c>: no FAIL and no ERROR. <c>fail</c>: at least one FAIL the guest reported and no
    /// ERROR (a control that could not be judged proves nothing either way). <c>{fail: [...]}</c>:
    /// each named scenario FAILed as the guest reported it, and every other one PASSed. Under every
    /// form a SKIP the kernel's version rules out (see <see cref="UnwarrantedSkip"/>) is a miss, and a
    /// FAIL that came from the console never stands in for an expected one.
    /// </summary>
    /// <param name="kernelRelease">The <c>uname -r</c> the guest reported; null when it never did.</param>
    /// <returns>Why the expectation was not met, one phrase per scenario at fault; empty when it was met.</returns>
    public static IReadOnlyList<string> Misses(Expectation expect, string? kernelRelease, IReadOnlyCollection<ScenarioOutcome> allOutcomes)
    {
        var outcomes = allOutcomes.Where(o => !ScenarioNames.IsSelftest(o.Scenario)).ToList();
        if (outcomes.Count == 0)
            return ["no scenario was judged"];
        var version = KernelVersion.Parse(kernelRelease);
        var misses = new List<string>();
        if (expect.Kind == ExpectationKind.Fail && expect.FailingScenarios.Count > 0)
        {
            foreach (var scenario in expect.FailingScenarios.Where(s => outcomes.All(o => o.Scenario != s)))
                misses.Add($"{scenario}: not run, expected FAIL");
        }
        foreach (var outcome in outcomes)
        {
            if (MissOf(expect, outcome, version, kernelRelease) is { } miss)
                misses.Add(miss);
        }
        if (expect.Kind == ExpectationKind.Fail && expect.FailingScenarios.Count == 0 && !outcomes.Any(IsGuestFail))
            misses.Add(outcomes.FirstOrDefault(o => o.Outcome == ScenarioVerdict.Fail) is { } consoleFail
                ? $"no FAIL the guest reported (the only FAILs came from the console, e.g. {consoleFail.Scenario})"
                : "no scenario FAILed");
        return misses;
    }

    public static bool IsMet(Expectation expect, string? kernelRelease, IReadOnlyCollection<ScenarioOutcome> outcomes) =>
        Misses(expect, kernelRelease, outcomes).Count == 0;

    static string? MissOf(Expectation expect, ScenarioOutcome outcome, KernelVersion? version, string? release)
    {
        var word = VerdictWords.Word(outcome.Outcome);
        var expectedToFail = expect.FailingScenarios.Contains(outcome.Scenario, StringComparer.Ordinal);
        var othersMustPass = expect.Kind == ExpectationKind.Pass || expect.FailingScenarios.Count > 0;
        var from = outcome.Source == OutcomeSource.Guest ? "" : $" (from the {outcome.Source.ToString().ToLowerInvariant()})";
        return outcome.Outcome switch
        {
            ScenarioVerdict.Error => $"{outcome.Scenario}: ERROR, no verdict",
            ScenarioVerdict.Fail when expectedToFail && outcome.Source != OutcomeSource.Guest =>
                $"{outcome.Scenario}: FAIL{from}, but an expected FAIL must be one the guest saw",
            ScenarioVerdict.Fail when !expectedToFail && othersMustPass => $"{outcome.Scenario}: FAIL{from}, expected PASS",
            ScenarioVerdict.Pass or ScenarioVerdict.Skip when expectedToFail => $"{outcome.Scenario}: {word}, expected FAIL",
            ScenarioVerdict.Skip => UnwarrantedSkip(outcome, version, release),
            _ => null,
        };
    }

    /// <summary>
    /// A SKIP says the kernel lacks a feature, which its version can contradict: node_id and mm_cid,
    /// and registrations longer than 32 bytes (the _v2 scenarios), are in every kernel since 6.3,
    /// rseq in every kernel since 4.18. Such a SKIP hides a broken or
    /// misconfigured kernel behind a harmless word, so it does not meet any expectation. A release
    /// that cannot be read applies no rule: nothing then contradicts the guest.
    /// </summary>
    public static string? UnwarrantedSkip(ScenarioOutcome outcome, KernelVersion? version, string? release)
    {
        if (outcome.Outcome != ScenarioVerdict.Skip || version is not { } kernel)
            return null;
        if (ScenarioNames.IsAbiV2(outcome.Scenario) && kernel >= KernelVersion.AbiV2Registration)
            return $"{outcome.Scenario}: SKIP on {release}, but every kernel since {KernelVersion.AbiV2Registration} accepts rseq registrations longer than 32 bytes";
        if (outcome.Scenario == ScenarioNames.NodeIdMmCid && kernel >= KernelVersion.NodeIdMmCid)
            return $"{outcome.Scenario}: SKIP on {release}, but every kernel since {KernelVersion.NodeIdMmCid} has node_id/mm_cid";
        if (SkipReasons.IsNoRseq(outcome.Reason) && kernel >= KernelVersion.Rseq)
            return $"{outcome.Scenario}: SKIP for no rseq on {release}, but every kernel since {KernelVersion.Rseq} has rseq";
        return null;
    }

    static bool IsGuestFail(ScenarioOutcome outcome) => outcome.Outcome == ScenarioVerdict.Fail && outcome.Source == OutcomeSource.Guest;
}
