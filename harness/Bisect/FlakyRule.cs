using Harness.Judging;

namespace Harness.Bisect;

/// <summary>
/// Decides a commit from its boots as syzkaller's bisection does for a flaky reproducer: one
/// failure may be noise, a pass may be luck. A commit is bad on two failing boots (on one when
/// only one boot was asked for); good only when no boot failed and enough boots came out clean;
/// anything else (a single failure among several boots, too many boots without a verdict) is
/// untestable, so git bisect skips it rather than being misled.
/// </summary>
public static class FlakyRule
{
    /// <summary>Failing boots that make a commit bad: two, or one when the user asked for a single boot.</summary>
    public static int FailuresForBad(int repeats) => Math.Min(2, repeats);

    /// <summary>Clean boots a good commit needs: all but a quarter of them, so one boot that errs under TCG does not waste the rest.</summary>
    public static int CleanForGood(int repeats) => repeats - repeats / 4;

    /// <summary>The verdict once the boots so far settle it; null when another boot is needed.</summary>
    public static StepDecision? Decide(IReadOnlyList<BootOutcome> boots, int repeats)
    {
        var failures = boots.Count(b => b.Verdict == BootVerdict.Fail);
        var clean = boots.Count(b => b.Verdict == BootVerdict.Pass);
        var left = repeats - boots.Count;
        var summary = $"{failures} of {boots.Count} boots failed, {clean} clean";
        if (failures >= FailuresForBad(repeats))
            return new(KernelJudgement.Bad, $"{summary}: {boots.First(b => b.Verdict == BootVerdict.Fail).Evidence}");
        if (failures == 0 && clean >= CleanForGood(repeats))
            return new(KernelJudgement.Good, summary);
        // Neither can be reached with the boots that remain: stop booting.
        var badReachable = failures + left >= FailuresForBad(repeats);
        var goodReachable = failures == 0 && clean + left >= CleanForGood(repeats);
        if (left > 0 && (badReachable || goodReachable))
            return null;
        var why = boots.FirstOrDefault(b => b.Verdict == BootVerdict.Untestable)?.Evidence
            ?? boots.First(b => b.Verdict == BootVerdict.Fail).Evidence;
        return new(KernelJudgement.Untestable, $"{summary}: {why}");
    }
}

/// <summary>A commit's verdict and the evidence for it, one line.</summary>
public sealed record StepDecision(KernelJudgement Verdict, string Evidence);
