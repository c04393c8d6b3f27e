using Harness.Config;
using Protocol;

namespace Harness.Results;

/// <summary>Whether a kernel's outcomes are what its entry declared.</summary>
public static class ExpectationCheck
{
    /// <summary>
    /// A kernel expected to pass must show no FAIL and no ERROR. A known-bad control expected to fail
    /// must show a FAIL and no ERROR: a control that could not be judged proves nothing either way.
    /// The kernel's own selftests do not count: they are a second opinion shown beside the scenarios,
    /// and the controls exist precisely because that suite misses some regressions (5.10's passes on
    /// the fork regression), so counting them would make the expectation say something else.
    /// </summary>
    public static bool IsMet(Expectation expect, IReadOnlyCollection<ScenarioOutcome> allOutcomes)
    {
        var outcomes = allOutcomes.Where(o => !ScenarioNames.IsSelftest(o.Scenario)).ToList();
        if (outcomes.Count == 0 || outcomes.Any(o => o.Outcome == ScenarioVerdict.Error))
            return false;
        var failed = outcomes.Any(o => o.Outcome == ScenarioVerdict.Fail);
        return expect == Expectation.Fail ? failed : !failed;
    }
}
