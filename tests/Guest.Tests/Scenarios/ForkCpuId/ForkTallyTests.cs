using Guest.Forking;
using Guest.Scenarios;
using Guest.Scenarios.ForkCpuId;

namespace Guest.Tests.Scenarios.ForkCpuId;

public class ForkTallyTests
{
    static void Record(ForkTally tally, int parentCpu, params ChildSample[] samples) =>
        tally.RecordChild(parentCpu, samples, ChildClassifier.Classify(samples));

    static readonly ChildSample Stale = new(3, 2, 3);
    static readonly ChildSample OnTwo = new(2, 2, 2);

    [Test]
    public void A_child_whose_first_getcpu_differs_from_the_parent_cpu_counts_as_a_cross_cpu_start()
    {
        var tally = new ForkTally();

        Record(tally, parentCpu: 3, OnTwo, OnTwo, OnTwo);
        Record(tally, parentCpu: 2, OnTwo, OnTwo, OnTwo);

        var counts = tally.Counts(cpus: 4, elapsedMs: 10);
        Assert.That(counts.Forks, Is.EqualTo(2));
        Assert.That(counts.CrossCpuStarts, Is.EqualTo(1));
        Assert.That(counts.StaleChildren, Is.Zero);
    }

    [Test]
    public void Stale_children_are_counted_and_their_evidence_is_capped()
    {
        var tally = new ForkTally();

        for (var child = 0; child < 8; child++)
            Record(tally, parentCpu: 3, Stale, Stale, Stale, Stale);

        Assert.That(tally.StaleChildren, Is.EqualTo(8));
        Assert.That(tally.Evidence(), Has.Count.EqualTo(ScenarioOutcome.MaxEvidenceLines));
        Assert.That(tally.Evidence()[0], Is.EqualTo("child cpu_id=3 getcpu=2 parent_cpu=3 stale_rounds=4/4"));
    }

    [Test]
    public void A_resolved_mismatch_is_counted_apart_and_never_as_stale()
    {
        var tally = new ForkTally();

        Record(tally, parentCpu: 0, new ChildSample(0, 0, 0), new ChildSample(0, 1, 1), new ChildSample(1, 1, 1));

        Assert.That(tally.ResolvedMismatches, Is.EqualTo(1));
        Assert.That(tally.StaleChildren, Is.Zero);
        Assert.That(tally.Evidence(), Has.Some.StartsWith("resolved mismatch"));
    }

    [Test]
    public void Lost_children_and_failed_forks_are_failed_children()
    {
        var tally = new ForkTally();

        tally.RecordLostChild(new ChildExit(ExitCode: -1, Signal: ChildExit.SignalKill));
        tally.RecordForkFailure(errno: 11);

        Assert.That(tally.FailedChildren, Is.EqualTo(2));
        Assert.That(tally.SegvChildren, Is.Zero);
        Assert.That(tally.Forks, Is.EqualTo(1));
    }

    [Test]
    public void A_child_killed_by_sigsegv_is_a_violation_with_the_signal_as_evidence()
    {
        var tally = new ForkTally();

        tally.RecordLostChild(ChildExit.FromWaitStatus(ChildExit.SignalSegv));

        Assert.That(tally.SegvChildren, Is.EqualTo(1));
        Assert.That(tally.FailedChildren, Is.Zero);
        Assert.That(tally.Violations, Is.EqualTo(1));
        Assert.That(tally.Evidence(), Is.EqualTo(new[] { "child killed by SIGSEGV (signal 11) before its report" }));
    }
}
