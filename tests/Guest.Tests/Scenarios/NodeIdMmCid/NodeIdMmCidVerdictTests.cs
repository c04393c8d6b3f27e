using Guest.Rseq;
using Guest.Scenarios.NodeIdMmCid;
using Protocol;

namespace Guest.Tests.Scenarios.NodeIdMmCid;

/// <summary>Counters recorded from real runs under QEMU TCG, 4 vCPUs, 3 s.</summary>
public class NodeIdMmCidVerdictTests
{
    // Debian 7.2.13, AT_RSEQ_FEATURE_SIZE 33, glibc 2.36's 32-byte registration.
    static readonly NodeIdMmCidCounts Kernel72 = new(Threads: 4, Samples: 400_000, UndisturbedSamples: 399_990,
        NodeMismatches: 0, CidOutOfRange: 0, DistinctCids: 4, OverlapsChecked: 223_346, CidCollisions: 0,
        SameCpuOverlaps: 0, NumaNodes: 1, Cpus: 4, ElapsedMs: 3300);

    const long FeatureSize72 = 33;

    [Test]
    public void A_run_with_many_overlaps_and_no_failure_passes()
    {
        Assert.That(NodeIdMmCidVerdict.Judge(Kernel72, FeatureSize72, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [TestCase(0)]
    [TestCase(27)]
    public void A_kernel_whose_feature_size_ends_before_mm_cid_is_skipped_naming_the_size(long featureSize)
    {
        var outcome = NodeIdMmCidVerdict.Judge(Kernel72 with { Samples = 0, OverlapsChecked = 0 }, featureSize, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(outcome.Reason, Is.EqualTo($"kernel lacks node_id/mm_cid (rseq feature size {featureSize})"));
    }

    [Test]
    public void The_6_3_feature_size_of_28_already_has_node_id_and_mm_cid()
    {
        // offsetofend(struct rseq, mm_cid) = 28: what 6.3 to 6.18 announce.
        Assert.That(NodeIdMmCidVerdict.Judge(Kernel72, 28, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void A_cid_collision_fails_even_with_few_overlaps()
    {
        var outcome = NodeIdMmCidVerdict.Judge(Kernel72 with { OverlapsChecked = 3, CidCollisions = 1 }, FeatureSize72, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("1 of 3 overlapping intervals"));
    }

    [Test]
    public void Node_mismatches_and_out_of_range_cids_are_both_named_in_the_failure()
    {
        var outcome = NodeIdMmCidVerdict.Judge(Kernel72 with { NodeMismatches = 7, CidOutOfRange = 2 }, FeatureSize72, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("node_id differed").And.Contain("mm_cid out of range in 2"));
    }

    [Test]
    public void Too_few_overlaps_is_insufficient_stress_with_the_minimum_stated()
    {
        var outcome = NodeIdMmCidVerdict.Judge(Kernel72 with { OverlapsChecked = NodeIdMmCidVerdict.MinimumOverlapsChecked - 1 }, FeatureSize72, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.StartWith("insufficient stress").And.Contain($"need {NodeIdMmCidVerdict.MinimumOverlapsChecked}"));
    }

    [Test]
    public void One_cpu_is_an_error()
    {
        var outcome = NodeIdMmCidVerdict.Judge(Kernel72 with { Cpus = 1 }, FeatureSize72, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("needs at least 2 CPUs"));
    }

    [Test]
    public void A_thread_whose_registration_was_refused_fails_with_the_errno()
    {
        var outcome = NodeIdMmCidVerdict.Judge(Kernel72, FeatureSize72, RseqRegistrar.ProblemOf(22), []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("EINVAL"));
    }

    [Test]
    public void On_two_NUMA_nodes_a_run_that_never_sampled_one_node_is_insufficient_stress_not_a_pass()
    {
        var outcome = NodeIdMmCidVerdict.Judge(Kernel72 with { NumaNodes = 2, NodesCovered = 1 }, FeatureSize72, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Is.EqualTo("insufficient stress: undisturbed samples on CPUs of 1 of 2 NUMA nodes, need all"));
    }

    [Test]
    public void On_two_NUMA_nodes_a_run_that_sampled_both_passes_and_a_node_mismatch_still_fails()
    {
        var covered = Kernel72 with { NumaNodes = 2, NodesCovered = 2 };

        Assert.That(NodeIdMmCidVerdict.Judge(covered, FeatureSize72, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(NodeIdMmCidVerdict.Judge(covered with { NodesCovered = 1, NodeMismatches = 3 }, FeatureSize72, null, []).Verdict,
            Is.EqualTo(ScenarioVerdict.Fail), "a mismatch seen is a FAIL whatever the coverage");
    }

    [Test]
    public void The_counters_carry_the_protocol_names_in_order()
    {
        var names = NodeIdMmCidVerdict.Judge(Kernel72, FeatureSize72, null, []).Counters.Select(counter => counter.Key);

        Assert.That(names, Is.EqualTo(new[]
        {
            CounterNames.Threads, CounterNames.Samples, CounterNames.UndisturbedSamples, CounterNames.NodeMismatches,
            CounterNames.CidOutOfRange, CounterNames.DistinctCids, CounterNames.OverlapsChecked, CounterNames.CidCollisions,
            CounterNames.SameCpuOverlaps, CounterNames.NumaNodes, CounterNames.Cpus, CounterNames.ElapsedMs, CounterNames.NodesCovered,
        CounterNames.CidBound,
        }));
    }
}
