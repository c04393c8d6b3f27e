using Guest.Scenarios.MigrationStorm;

namespace Guest.Tests.Scenarios.MigrationStorm;

/// <summary>Recorded rounds: (sequence, cpu_id, getcpu, cpu_id, sequence).</summary>
public class StormJudgeTests
{
    static StormRound Round(long before, int cpuIdBefore, int getCpu, int cpuIdAfter, long after) =>
        new(before, cpuIdBefore, getCpu, cpuIdAfter, after);

    [Test]
    public void An_agreeing_round_under_an_even_unchanged_sequence_is_a_comparison()
    {
        var round = Round(82, 1, 1, 1, 82);

        Assert.That(StormJudge.NeedsRecheck(round), Is.False);
        Assert.That(StormJudge.Judge(round, round), Is.EqualTo(StormObservation.Agreed));
    }

    [Test]
    public void A_round_read_while_a_re_pin_was_in_progress_is_raced_even_when_it_disagrees()
    {
        // Odd sequence: the migrator was inside sched_setaffinity for this thread.
        var round = Round(83, 1, 2, 2, 83);

        Assert.That(StormJudge.NeedsRecheck(round), Is.False);
        Assert.That(StormJudge.Judge(round, round), Is.EqualTo(StormObservation.Raced));
    }

    [Test]
    public void A_round_a_re_pin_completed_during_is_raced()
    {
        // Moved from CPU 1 to 3 between the reads: cpu_id before is the old CPU, the sequence moved on.
        var round = Round(82, 1, 3, 3, 84);

        Assert.That(StormJudge.Judge(round, round), Is.EqualTo(StormObservation.Raced));
    }

    [Test]
    public void A_disagreement_that_the_re_check_confirms_under_the_same_sequence_is_persistent()
    {
        var round = Round(82, 7, 1, 7, 82);
        var recheck = Round(82, 7, 1, 7, 82);

        Assert.That(StormJudge.NeedsRecheck(round), Is.True);
        Assert.That(StormJudge.Judge(round, recheck), Is.EqualTo(StormObservation.PersistentMismatch));
    }

    [Test]
    public void A_disagreement_gone_on_the_re_check_is_resolved()
    {
        var round = Round(82, 0, 1, 1, 82);
        var recheck = Round(82, 1, 1, 1, 82);

        Assert.That(StormJudge.Judge(round, recheck), Is.EqualTo(StormObservation.ResolvedMismatch));
    }

    [Test]
    public void A_re_check_that_a_re_pin_raced_says_nothing_and_the_round_is_raced()
    {
        var round = Round(82, 0, 1, 0, 82);

        Assert.That(StormJudge.Judge(round, Round(83, 0, 1, 0, 83)), Is.EqualTo(StormObservation.Raced));
        Assert.That(StormJudge.Judge(round, Round(84, 0, 2, 0, 84)), Is.EqualTo(StormObservation.Raced));
    }

    [Test]
    public void A_re_check_on_another_cpu_without_a_re_pin_is_not_called_persistent()
    {
        var round = Round(82, 0, 1, 0, 82);

        Assert.That(StormJudge.Judge(round, Round(82, 0, 2, 0, 82)), Is.EqualTo(StormObservation.ResolvedMismatch));
    }

    [TestCase(-1)]
    [TestCase(-2)]
    public void An_unregistered_cpu_id_is_unavailable(int cpuId)
    {
        var round = Round(82, cpuId, 1, cpuId, 82);

        Assert.That(StormJudge.NeedsRecheck(round), Is.False);
        Assert.That(StormJudge.Judge(round, round), Is.EqualTo(StormObservation.Unavailable));
    }
}
