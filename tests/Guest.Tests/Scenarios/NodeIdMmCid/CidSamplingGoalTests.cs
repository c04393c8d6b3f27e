using Guest.Scenarios.NodeIdMmCid;
using Guest.Topology;

namespace Guest.Tests.Scenarios.NodeIdMmCid;

public class CidSamplingGoalTests
{
    static readonly NumaTopology OneNode = new(new Dictionary<int, int> { [0] = 0, [1] = 0 }, Nodes: 1, PossibleCpus: 2);
    static readonly NumaTopology TwoNodes = new(new Dictionary<int, int> { [0] = 0, [1] = 1 }, Nodes: 2, PossibleCpus: 2);

    /// <summary>Two threads on CPUs 0 and 1, interval after interval at the same times: each pair of intervals is one overlap.</summary>
    static List<CidSample> Pairs(int pairs, int cpuOfSecond = 1)
    {
        var samples = new List<CidSample>();
        for (var index = 0; index < pairs; index++)
        {
            var start = index * 10_000L;
            samples.Add(new CidSample(0, start, start + 5000, Cpu: 0, NodeId: 0, MmCid: 0, Undisturbed: true));
            samples.Add(new CidSample(1, start + 1000, start + 6000, Cpu: cpuOfSecond, NodeId: cpuOfSecond, MmCid: 1, Undisturbed: true));
        }
        return samples;
    }

    [Test]
    public void Intervals_that_give_the_overlaps_asked_for_are_enough()
    {
        Assert.That(CidSamplingGoal.IntervalsToWaitFor(Pairs(100), OneNode, overlapTarget: 100), Is.Null);
    }

    [Test]
    public void Short_of_the_target_it_asks_for_more_intervals_in_proportion_with_a_margin()
    {
        // 50 overlaps from 100 intervals, 100 asked for: about 200 intervals, 250 with the margin.
        Assert.That(CidSamplingGoal.IntervalsToWaitFor(Pairs(50), OneNode, overlapTarget: 100), Is.EqualTo(250));
    }

    [Test]
    public void Without_any_overlap_yet_it_waits_for_twice_as_many_intervals()
    {
        var apart = Pairs(10).Select((sample, index) => sample with { Start = index * 10_000L, End = index * 10_000L + 10 }).ToList();

        Assert.That(CidSamplingGoal.IntervalsToWaitFor(apart, OneNode, overlapTarget: 5), Is.EqualTo(40));
    }

    [Test]
    public void On_a_numa_layout_the_overlaps_are_not_enough_until_every_node_was_sampled()
    {
        // Both threads on node 0's CPU: no overlap counts (same CPU) and node 1 is never covered.
        Assert.That(CidSamplingGoal.IntervalsToWaitFor(Pairs(100, cpuOfSecond: 0), TwoNodes, overlapTarget: 10), Is.Not.Null);
        Assert.That(CidSamplingGoal.IntervalsToWaitFor(Pairs(100, cpuOfSecond: 1), TwoNodes, overlapTarget: 10), Is.Null);
    }
}
