using Guest.Scenarios.NodeIdMmCid;

namespace Guest.Tests.Scenarios.NodeIdMmCid;

/// <summary>Intervals shaped like those recorded under QEMU TCG (timestamps in nanoseconds, a few µs long).</summary>
public class CidOverlapsTests
{
    static CidSample Interval(int thread, long start, long end, int cpu, int cid, bool undisturbed = true) =>
        new(thread, start, end, cpu, NodeId: 0, cid, undisturbed);

    [Test]
    public void Overlapping_threads_on_different_cpus_with_different_cids_are_checked_and_pass()
    {
        var findings = CidOverlaps.Check([Interval(0, 1000, 5000, cpu: 0, cid: 0), Interval(1, 2000, 6000, cpu: 1, cid: 1)]);

        Assert.That(findings.OverlapsChecked, Is.EqualTo(1));
        Assert.That(findings.Collisions, Is.Zero);
        Assert.That(findings.CollisionExample, Is.Null);
    }

    [Test]
    public void Two_undisturbed_threads_on_different_cpus_holding_one_cid_at_once_collide()
    {
        var findings = CidOverlaps.Check([Interval(0, 1000, 5000, cpu: 0, cid: 2), Interval(1, 4000, 9000, cpu: 3, cid: 2)]);

        Assert.That(findings.Collisions, Is.EqualTo(1));
        Assert.That(findings.CollisionExample, Does.Contain("mm_cid 2 held at once").And.Contain("cpu=3"));
    }

    [Test]
    public void A_cid_handed_over_from_one_thread_to_another_without_overlap_is_no_collision()
    {
        // Thread 0 is switched out after its interval; thread 1 gets cid 0 and starts after it ended.
        var findings = CidOverlaps.Check([Interval(0, 1000, 5000, cpu: 0, cid: 0), Interval(1, 5000, 9000, cpu: 1, cid: 0)]);

        Assert.That(findings.OverlapsChecked, Is.Zero);
        Assert.That(findings.Collisions, Is.Zero);
    }

    [Test]
    public void A_preempted_thread_whose_cid_was_reassigned_meanwhile_is_not_judged()
    {
        // Thread 0 read cid 1 on both sides but was switched out in between: thread 1 may have had it.
        var findings = CidOverlaps.Check([
            Interval(0, 1000, 90_000, cpu: 0, cid: 1, undisturbed: false),
            Interval(1, 20_000, 30_000, cpu: 1, cid: 1),
        ]);

        Assert.That(findings.OverlapsChecked, Is.Zero);
        Assert.That(findings.Collisions, Is.Zero);
    }

    [Test]
    public void Intervals_of_one_thread_are_never_compared_with_each_other()
    {
        var findings = CidOverlaps.Check([Interval(0, 1000, 5000, cpu: 0, cid: 0), Interval(0, 4000, 8000, cpu: 1, cid: 0)]);

        Assert.That(findings.OverlapsChecked, Is.Zero);
    }

    [Test]
    public void Overlaps_on_one_cpu_are_counted_apart_and_never_fail()
    {
        var findings = CidOverlaps.Check([Interval(0, 1000, 5000, cpu: 2, cid: 0), Interval(1, 4000, 8000, cpu: 2, cid: 0)]);

        Assert.That(findings.SameCpuOverlaps, Is.EqualTo(1));
        Assert.That(findings.OverlapsChecked, Is.Zero);
        Assert.That(findings.Collisions, Is.Zero);
    }

    [Test]
    public void A_long_interval_is_compared_with_every_later_one_it_overlaps()
    {
        var findings = CidOverlaps.Check([
            Interval(0, 0, 100_000, cpu: 0, cid: 0),
            Interval(1, 10_000, 20_000, cpu: 1, cid: 1),
            Interval(1, 30_000, 40_000, cpu: 1, cid: 1),
            Interval(2, 35_000, 200_000, cpu: 2, cid: 2),
        ]);

        // 0-1, 0-1', 0-2, 1'-2.
        Assert.That(findings.OverlapsChecked, Is.EqualTo(4));
    }
}
