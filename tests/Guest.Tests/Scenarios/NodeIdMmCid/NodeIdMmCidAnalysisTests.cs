using Guest.Scenarios.NodeIdMmCid;
using Guest.Topology;

namespace Guest.Tests.Scenarios.NodeIdMmCid;

public class NodeIdMmCidAnalysisTests
{
    static readonly CidBound Bound4 = new(ThreadsAlive: 8, AllowedCpus: 4);

    // The 2-node layout of the QEMU run: CPUs 0-1 on node 0, 2-3 on node 1.
    static readonly NumaTopology TwoNodes = new(new Dictionary<int, int> { [0] = 0, [1] = 0, [2] = 1, [3] = 1 }, Nodes: 2, PossibleCpus: 4);

    static CidSample Sample(int thread, long start, int cpu, int node, int cid, bool undisturbed = true) =>
        new(thread, start, start + 3000, cpu, node, cid, undisturbed);

    [Test]
    public void Node_ids_that_follow_the_cpus_node_and_cids_below_the_bound_give_no_failure()
    {
        var findings = NodeIdMmCidAnalysis.Analyze([Sample(0, 0, cpu: 1, node: 0, cid: 0), Sample(1, 1000, cpu: 2, node: 1, cid: 1)], TwoNodes, Bound4);

        Assert.That(findings.NodeMismatches, Is.Zero);
        Assert.That(findings.CidOutOfRange, Is.Zero);
        Assert.That(findings.DistinctCids, Is.EqualTo(2));
        Assert.That(findings.Overlaps.OverlapsChecked, Is.EqualTo(1));
        Assert.That(findings.Evidence[^1], Does.Contain("node_ids seen 0,1 of 2 node(s)"));
    }

    [Test]
    public void An_undisturbed_node_id_of_another_node_is_a_mismatch_with_evidence()
    {
        var findings = NodeIdMmCidAnalysis.Analyze([Sample(0, 0, cpu: 3, node: 0, cid: 0)], TwoNodes, Bound4);

        Assert.That(findings.NodeMismatches, Is.EqualTo(1));
        Assert.That(findings.Evidence[0], Does.Contain("node_id 0 but cpu 3 is on node 1"));
    }

    [Test]
    public void A_node_id_read_in_a_disturbed_interval_is_not_judged()
    {
        // Migrated from CPU 3 to CPU 0 between getcpu and the node_id read: the thread was switched.
        var findings = NodeIdMmCidAnalysis.Analyze([Sample(0, 0, cpu: 3, node: 0, cid: 0, undisturbed: false)], TwoNodes, Bound4);

        Assert.That(findings.NodeMismatches, Is.Zero);
        Assert.That(findings.Undisturbed, Is.Zero);
    }

    [Test]
    public void A_cid_at_the_bound_is_out_of_range_even_in_a_disturbed_interval()
    {
        var findings = NodeIdMmCidAnalysis.Analyze([Sample(0, 0, cpu: 0, node: 0, cid: 4, undisturbed: false)], TwoNodes, Bound4);

        Assert.That(findings.CidOutOfRange, Is.EqualTo(1));
        Assert.That(findings.Evidence[0], Does.Contain("mm_cid 4 not below 4 = min(8 threads alive, 4 allowed CPUs)"));
    }

    [Test]
    public void A_cid_at_the_number_of_threads_alive_is_out_of_range_though_more_cpus_are_allowed()
    {
        var findings = NodeIdMmCidAnalysis.Analyze(
            [Sample(0, 0, cpu: 0, node: 0, cid: 1), Sample(1, 0, cpu: 3, node: 1, cid: 2)], TwoNodes,
            new CidBound(ThreadsAlive: 2, AllowedCpus: 4));

        Assert.That(findings.CidOutOfRange, Is.EqualTo(1));
        Assert.That(findings.CidBound, Is.EqualTo(2));
    }

    [Test]
    public void The_bound_is_the_cpus_allowed_to_the_process_when_fewer_than_the_threads_alive()
    {
        // Allowed on 2 of the 4 possible CPUs with 7 threads: mm_cid 2 or 3 would need 3 threads running at once.
        var bound = CidBound.From([6, 7], allowedCpus: 2);

        Assert.That(bound.Value, Is.EqualTo(2));
        Assert.That(bound.ToString(), Is.EqualTo("2 = min(7 threads alive, 2 allowed CPUs)"));
    }

    [Test]
    public void The_bound_takes_the_most_threads_counted_during_the_sampling()
    {
        Assert.That(CidBound.From([3, 5], allowedCpus: 8).Value, Is.EqualTo(5));
        Assert.That(CidBound.From([5, 3], allowedCpus: 8).Value, Is.EqualTo(5));
    }

    [Test]
    public void Without_numa_every_cpu_is_on_node_zero()
    {
        var flat = new NumaTopology(new Dictionary<int, int>(), Nodes: 1, PossibleCpus: 4);

        var findings = NodeIdMmCidAnalysis.Analyze([Sample(0, 0, cpu: 3, node: 0, cid: 0)], flat, Bound4);

        Assert.That(findings.NodeMismatches, Is.Zero);
    }

    [Test]
    public void Nodes_covered_counts_the_nodes_of_the_cpus_of_undisturbed_intervals_only()
    {
        var oneNode = NodeIdMmCidAnalysis.Analyze(
            [Sample(0, 0, cpu: 0, node: 0, cid: 0), Sample(1, 100, cpu: 1, node: 0, cid: 1), Sample(2, 200, cpu: 3, node: 1, cid: 2, undisturbed: false)],
            TwoNodes, Bound4);
        var bothNodes = NodeIdMmCidAnalysis.Analyze([Sample(0, 0, cpu: 0, node: 0, cid: 0), Sample(1, 100, cpu: 2, node: 1, cid: 1)], TwoNodes, Bound4);

        Assert.That(oneNode.NodesCovered, Is.EqualTo(1));
        Assert.That(bothNodes.NodesCovered, Is.EqualTo(2));
    }
}
