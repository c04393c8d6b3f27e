using Harness.Judging;

namespace Harness.Bisect;

/// <summary>
/// How far the culprit can be trusted, from the boots: a FAIL is evidence the guest saw, so a bad
/// verdict is taken as certain; a good verdict after k clean boots still misses a bug that shows
/// on a fraction f of boots with probability (1-f)^k. f is estimated from the bad end (its failing
/// boots over its boots). The culprit stands if every good verdict was right, so the confidence is
/// the product over the good steps of 1-(1-f)^k.
/// </summary>
public static class Confidence
{
    public static double Of(StepRecord badEnd, IEnumerable<StepRecord> steps)
    {
        var boots = badEnd.Boots.Count;
        var failureRate = boots == 0 ? 1.0 : (double)badEnd.Boots.Count(b => b.Verdict == BootVerdict.Fail) / boots;
        return steps.Where(s => s.Verdict == KernelJudgement.Good)
            .Select(s => 1 - Math.Pow(1 - failureRate, s.Boots.Count(b => b.Verdict == BootVerdict.Pass)))
            .Aggregate(1.0, (product, p) => product * p);
    }

    /// <summary>As the report says it, e.g. "99.6% (the bad end failed 4 of 4 boots; 3 good verdicts)".</summary>
    public static string Describe(StepRecord badEnd, IReadOnlyList<StepRecord> steps)
    {
        var value = Of(badEnd, steps);
        var failed = badEnd.Boots.Count(b => b.Verdict == BootVerdict.Fail);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{value * 100:0.#}% (the bad end failed {failed} of {badEnd.Boots.Count} boots; {steps.Count(s => s.Verdict == KernelJudgement.Good)} good verdicts, each a miss with probability (1-f)^clean boots)");
    }
}
