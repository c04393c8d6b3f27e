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

        Assert.That(StormJudge.Judge(round), Is.EqualTo(StormObservation.Agreed));
        Assert.That(StormJudge.WantsReread(StormObservation.Agreed), Is.False);
    }

    [Test]
    public void A_round_read_while_a_re_pin_was_in_progress_is_raced_even_when_it_disagrees()
    {
        // Odd sequence: the migrator was inside sched_setaffinity for this thread.
        Assert.That(StormJudge.Judge(Round(83, 1, 2, 2, 83)), Is.EqualTo(StormObservation.Raced));
    }

    [Test]
    public void A_round_a_re_pin_completed_during_is_raced()
    {
        // Moved from CPU 1 to 3 between the reads: cpu_id before is the old CPU, the sequence moved on.
        Assert.That(StormJudge.Judge(Round(82, 1, 3, 3, 84)), Is.EqualTo(StormObservation.Raced));
    }

    [Test]
    public void A_single_unraced_mismatch_is_a_violation_whatever_the_re_read_shows()
    {
        // Stale on the first read, right on the re-read: a kernel that refreshes cpu_id only at the next tick.
        var round = Round(82, 0, 1, 0, 82);
        var reread = Round(82, 1, 1, 1, 82);

        Assert.That(StormJudge.Judge(round), Is.EqualTo(StormObservation.Mismatch));
        Assert.That(StormJudge.WantsReread(StormObservation.Mismatch), Is.True);
        Assert.That(StormJudge.RightOnReread(round, reread), Is.True);
    }

    [Test]
    public void One_disagreeing_cpu_id_read_of_the_two_is_a_mismatch_too()
    {
        Assert.That(StormJudge.Judge(Round(82, 1, 1, 0, 82)), Is.EqualTo(StormObservation.Mismatch));
    }

    [Test]
    public void A_re_read_that_disagrees_again_is_not_right_on_the_re_read()
    {
        var round = Round(82, 7, 1, 7, 82);

        Assert.That(StormJudge.RightOnReread(round, Round(82, 7, 1, 7, 82)), Is.False);
    }

    [Test]
    public void A_re_read_that_a_re_pin_raced_is_not_taken_as_right()
    {
        var round = Round(82, 0, 1, 0, 82);

        Assert.That(StormJudge.RightOnReread(round, Round(83, 2, 2, 2, 83)), Is.False);
        Assert.That(StormJudge.RightOnReread(round, Round(84, 2, 2, 2, 84)), Is.False);
    }

    [TestCase(-1)]
    [TestCase(-2)]
    public void A_negative_cpu_id_on_a_registered_thread_mid_run_is_a_violation(int cpuId)
    {
        var round = Round(82, cpuId, 1, cpuId, 82);

        Assert.That(StormJudge.Judge(round), Is.EqualTo(StormObservation.NegativeCpuId));
        Assert.That(StormJudge.WantsReread(StormObservation.NegativeCpuId), Is.True);
    }

    [Test]
    public void A_failed_getcpu_leaves_nothing_to_compare_and_is_no_violation()
    {
        Assert.That(StormJudge.Judge(Round(82, 1, -1, 1, 82)), Is.EqualTo(StormObservation.GetCpuFailed));
        Assert.That(StormJudge.WantsReread(StormObservation.GetCpuFailed), Is.False);
    }
}
