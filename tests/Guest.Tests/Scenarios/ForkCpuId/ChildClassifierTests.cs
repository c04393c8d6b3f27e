using Guest.Scenarios.ForkCpuId;

namespace Guest.Tests.Scenarios.ForkCpuId;

/// <summary>Recorded child samples: (cpu_id before, getcpu, cpu_id after) per round.</summary>
public class ChildClassifierTests
{
    static ChildSample[] Rounds(params (int Before, int GetCpu, int After)[] rounds) =>
        Array.ConvertAll(rounds, round => new ChildSample(round.Before, round.GetCpu, round.After));

    [Test]
    public void A_child_whose_cpu_id_always_matches_getcpu_is_consistent()
    {
        var samples = Rounds((2, 2, 2), (2, 2, 2), (2, 2, 2), (2, 2, 2));

        Assert.That(ChildClassifier.Classify(samples).Observation, Is.EqualTo(ChildObservation.Consistent));
    }

    [Test]
    public void A_parent_cpu_surviving_every_read_under_an_unchanged_getcpu_is_stale()
    {
        // As on a kernel without ce3614daabea: the child runs on CPU 2 and keeps the parent's 3.
        var samples = Rounds((3, 2, 3), (3, 2, 3), (3, 2, 3), (3, 2, 3), (3, 2, 3), (3, 2, 3), (3, 2, 3), (3, 2, 3));

        var classification = ChildClassifier.Classify(samples);

        Assert.That(classification.Observation, Is.EqualTo(ChildObservation.Stale));
        Assert.That(classification.StaleRounds, Is.EqualTo(8));
        Assert.That(classification.Example, Is.EqualTo(new ChildSample(3, 2, 3)));
    }

    [Test]
    public void A_migration_between_reads_that_the_next_read_resolves_is_not_stale()
    {
        // Migrated from CPU 0 to 1 just before getcpu: the second read already shows the new CPU.
        var samples = Rounds((0, 0, 0), (0, 1, 1), (1, 1, 1), (1, 1, 1));

        Assert.That(ChildClassifier.Classify(samples).Observation, Is.EqualTo(ChildObservation.ResolvedMismatch));
    }

    [Test]
    public void A_migration_right_after_getcpu_is_not_stale()
    {
        // Migrated from CPU 1 to 0 after getcpu returned: cpu_id is ahead of getcpu for one read.
        var samples = Rounds((1, 1, 0), (0, 0, 0), (0, 0, 0));

        Assert.That(ChildClassifier.Classify(samples).Observation, Is.EqualTo(ChildObservation.ResolvedMismatch));
    }

    [Test]
    public void A_mismatch_lasting_fewer_rounds_than_the_minimum_is_not_stale()
    {
        var samples = Rounds((3, 2, 3), (3, 2, 3), (2, 2, 2), (2, 2, 2));

        var classification = ChildClassifier.Classify(samples);

        Assert.That(ChildClassifier.MinimumStaleRounds, Is.GreaterThan(2));
        Assert.That(classification.Observation, Is.EqualTo(ChildObservation.ResolvedMismatch));
    }

    [Test]
    public void A_mismatch_while_getcpu_keeps_changing_is_not_stale()
    {
        // The child migrates every round; each mismatch is a different migration, not one stale value.
        var samples = Rounds((0, 1, 0), (0, 2, 0), (0, 3, 0), (0, 1, 0));

        Assert.That(ChildClassifier.Classify(samples).Observation, Is.Not.EqualTo(ChildObservation.Stale));
    }

    [Test]
    public void A_stale_run_after_a_few_good_rounds_is_still_stale()
    {
        var samples = Rounds((1, 1, 1), (1, 0, 1), (1, 0, 1), (1, 0, 1));

        Assert.That(ChildClassifier.Classify(samples).Observation, Is.EqualTo(ChildObservation.Stale));
    }

    [TestCase(-1)]
    [TestCase(-2)]
    public void A_negative_cpu_id_in_a_child_that_inherited_a_working_registration_is_a_violation(int cpuId)
    {
        // One read mid-run is enough: no migration explains a negative value.
        var samples = Rounds((2, 2, 2), (2, 2, cpuId), (2, 2, 2));

        Assert.That(ChildClassifier.Classify(samples).Observation, Is.EqualTo(ChildObservation.NegativeCpuId));
    }

    [Test]
    public void A_failed_getcpu_leaves_nothing_to_compare()
    {
        var samples = Rounds((1, -1, 1), (1, 1, 1), (1, 1, 1));

        Assert.That(ChildClassifier.Classify(samples).Observation, Is.EqualTo(ChildObservation.GetCpuFailed));
    }
}
