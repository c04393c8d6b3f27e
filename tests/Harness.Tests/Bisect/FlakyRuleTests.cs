using Harness.Judging;
using Harness.Bisect;

namespace Harness.Tests.Bisect;

public class FlakyRuleTests
{
    static BootOutcome Boot(BootVerdict verdict) => new(verdict, verdict.ToString(), [], 1);

    static StepDecision? Decide(int repeats, params BootVerdict[] boots) => FlakyRule.Decide(boots.Select(Boot).ToList(), repeats);

    [Test]
    public void A_single_boot_that_fails_is_bad_when_only_one_was_asked_for() =>
        Assert.That(Decide(1, BootVerdict.Fail)?.Verdict, Is.EqualTo(KernelJudgement.Bad));

    [Test]
    public void A_single_boot_that_passes_is_good_when_only_one_was_asked_for() =>
        Assert.That(Decide(1, BootVerdict.Pass)?.Verdict, Is.EqualTo(KernelJudgement.Good));

    [Test]
    public void One_failure_among_several_boots_asks_for_another_boot() =>
        Assert.That(Decide(4, BootVerdict.Fail), Is.Null);

    [Test]
    public void Two_failures_make_a_commit_bad_without_the_remaining_boots() =>
        Assert.That(Decide(8, BootVerdict.Fail, BootVerdict.Pass, BootVerdict.Fail)?.Verdict, Is.EqualTo(KernelJudgement.Bad));

    [Test]
    public void A_single_failure_over_all_the_boots_is_untestable_not_good() =>
        Assert.That(Decide(3, BootVerdict.Pass, BootVerdict.Fail, BootVerdict.Pass)?.Verdict, Is.EqualTo(KernelJudgement.Untestable));

    [Test]
    public void Good_needs_enough_clean_boots_and_tolerates_a_quarter_without_a_verdict()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Decide(4, BootVerdict.Pass, BootVerdict.Untestable, BootVerdict.Pass), Is.Null);
            Assert.That(Decide(4, BootVerdict.Pass, BootVerdict.Untestable, BootVerdict.Pass, BootVerdict.Pass)?.Verdict, Is.EqualTo(KernelJudgement.Good));
            Assert.That(Decide(4, BootVerdict.Pass, BootVerdict.Pass, BootVerdict.Pass)?.Verdict, Is.EqualTo(KernelJudgement.Good));
        });
    }

    [Test]
    public void Boots_that_cannot_reach_a_verdict_any_more_stop_as_untestable() =>
        Assert.That(Decide(4, BootVerdict.Untestable, BootVerdict.Untestable, BootVerdict.Untestable)?.Verdict, Is.EqualTo(KernelJudgement.Untestable));

    [Test]
    public void A_build_or_boot_failure_alone_is_untestable() =>
        Assert.That(Decide(1, BootVerdict.Untestable)?.Verdict, Is.EqualTo(KernelJudgement.Untestable));
}
