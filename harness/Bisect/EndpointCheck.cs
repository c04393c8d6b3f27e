using Harness.Judging;

namespace Harness.Bisect;

/// <summary>
/// Before bisecting, both ends must show what the user says they are: a bisect between two good
/// commits (or two bad ones) would still name a "first bad commit", and it would be wrong.
/// </summary>
public static class EndpointCheck
{
    /// <summary>Null when the good end is good and the bad end bad; otherwise what is wrong and what to try.</summary>
    public static string? Problem(StepRecord good, StepRecord bad, IReadOnlyList<string> scenarios)
    {
        var chosen = string.Join(", ", scenarios);
        var problems = new List<string>();
        if (good.Verdict != KernelJudgement.Good)
            problems.Add(good.Verdict == KernelJudgement.Bad
                ? $"the good end {good.ShortCommit} already FAILs {chosen} ({good.Evidence}): the regression is older than it; pick an older --good"
                : $"the good end {good.ShortCommit} could not be tested ({good.Evidence}); pick a --good that builds and boots");
        if (bad.Verdict != KernelJudgement.Bad)
            problems.Add(bad.Verdict == KernelJudgement.Good
                ? $"the bad end {bad.ShortCommit} PASSes {chosen} ({bad.Evidence}): nothing to bisect there; check --bad and --scenario, or raise --repeat if the failure is rare"
                : $"the bad end {bad.ShortCommit} could not be tested ({bad.Evidence}); pick a --bad that builds, boots and FAILs");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
