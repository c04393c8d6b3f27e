using Guest.Scenarios.AffinityPin;

namespace Guest.Tests.Scenarios.AffinityPin;

/// <summary>Recorded reads after a pin: (cpu_id_start, cpu_id, getcpu), the first right after sched_setaffinity.</summary>
public class PinClassifierTests
{
    static PinReading[] Reads(params (int CpuIdStart, int CpuId, int GetCpu)[] reads) =>
        Array.ConvertAll(reads, read => new PinReading(read.CpuIdStart, read.CpuId, read.GetCpu));

    [Test]
    public void Fields_naming_the_target_in_every_read_are_consistent()
    {
        var readings = Reads((2, 2, 2), (2, 2, 2), (2, 2, 2), (2, 2, 2));

        Assert.That(PinClassifier.Classify(2, 0, readings), Is.EqualTo(PinObservation.Consistent));
    }

    [Test]
    public void The_parents_cpu_surviving_the_first_pin_is_a_mismatch()
    {
        // glibc's "Unexpected CPU 2, expected 0": the child runs on 0, pins to 0, keeps the parent's 2.
        var readings = Reads((2, 2, 0), (2, 2, 0), (2, 2, 0), (2, 2, 0));

        Assert.That(PinClassifier.Classify(0, 0, readings), Is.EqualTo(PinObservation.Mismatch));
    }

    [Test]
    public void A_stale_cpu_id_start_alone_is_a_mismatch_too()
    {
        var readings = Reads((1, 3, 3), (1, 3, 3), (1, 3, 3), (1, 3, 3));

        Assert.That(PinClassifier.Classify(3, 0, readings), Is.EqualTo(PinObservation.Mismatch));
    }

    [Test]
    public void A_wrong_first_read_that_a_re_read_corrects_is_still_a_mismatch_marked_right_on_the_re_read()
    {
        // The pinned child could not move: the kernel refreshed cpu_id late, not on the way back to user space.
        var readings = Reads((2, 2, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0));

        Assert.That(PinClassifier.Classify(0, 0, readings), Is.EqualTo(PinObservation.MismatchRightOnReread));
    }

    [Test]
    public void One_wrong_read_among_right_ones_is_a_mismatch()
    {
        var readings = Reads((0, 0, 0), (0, 0, 0), (0, 2, 0), (0, 2, 0));

        Assert.That(PinClassifier.Classify(0, 0, readings), Is.EqualTo(PinObservation.Mismatch));
    }

    [Test]
    public void A_failed_sched_setaffinity_judges_nothing_whatever_was_read()
    {
        var readings = Reads((2, 2, 0), (2, 2, 0), (2, 2, 0), (2, 2, 0));

        Assert.That(PinClassifier.Classify(1, -1, readings), Is.EqualTo(PinObservation.PinFailed));
    }

    [Test]
    public void A_getcpu_off_the_target_means_the_pin_did_not_hold_and_is_no_rseq_fault()
    {
        // The thread is not where it was pinned (a CPU went offline, say): cpu_id follows getcpu.
        var readings = Reads((3, 3, 3), (3, 3, 3), (3, 3, 3), (3, 3, 3));

        Assert.That(PinClassifier.Classify(1, 0, readings), Is.EqualTo(PinObservation.PinFailed));
    }

    [TestCase(-1)]
    [TestCase(-2)]
    public void A_negative_cpu_id_in_a_child_with_a_working_registration_is_a_violation(int cpuId)
    {
        var readings = Reads((1, 1, 1), (1, cpuId, 1), (1, 1, 1), (1, 1, 1));

        Assert.That(PinClassifier.Classify(1, 0, readings), Is.EqualTo(PinObservation.NegativeCpuId));
    }
}
