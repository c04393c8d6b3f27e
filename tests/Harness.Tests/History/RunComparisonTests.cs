using Harness.Config;
using Harness.History;
using static Harness.Tests.History.Nights;

namespace Harness.Tests.History;

public class RunComparisonTests
{
    const string Fork = "fork_cpu_id";
    const string Cs = "cs_abort";

    static IEnumerable<(ChangeKind, string, string)> Kinds(RunComparison comparison) =>
        comparison.Changes.Select(c => (c.Kind, c.New.Kernel, c.New.Scenario));

    [Test]
    public void A_pass_that_became_a_fail_is_a_new_failure_and_makes_it_worse()
    {
        var comparison = RunComparison.Of(Night(1, Kernel("sid", Pass(Fork), Pass(Cs))), Night(2, Kernel("sid", Fail(Fork), Pass(Cs))));

        Assert.Multiple(() =>
        {
            Assert.That(Kinds(comparison), Is.EqualTo(new[] { (ChangeKind.NewFailure, "sid", Fork) }));
            Assert.That(comparison.Worse, Is.True);
        });
    }

    [Test]
    public void Fixed_still_failing_and_still_error_are_reported_but_nothing_got_worse()
    {
        var comparison = RunComparison.Of(
            Night(1, Kernel("sid", Fail(Fork), Fail(Cs), Error("affinity_pin"))),
            Night(2, Kernel("sid", Pass(Fork), Fail(Cs), Error("affinity_pin"))));

        Assert.Multiple(() =>
        {
            Assert.That(Kinds(comparison), Is.EqualTo(new[]
                { (ChangeKind.StillFailing, "sid", Cs), (ChangeKind.StillError, "sid", "affinity_pin"), (ChangeKind.Fixed, "sid", Fork) }));
            Assert.That(comparison.Worse, Is.False);
        });
    }

    [Test]
    public void A_verdict_that_became_error_is_newly_error_and_makes_it_worse_and_the_way_back_is_no_longer_error()
    {
        var worse = RunComparison.Of(Night(1, Kernel("sid", Pass(Fork))), Night(2, Kernel("sid", Error(Fork))));
        var better = RunComparison.Of(Night(2, Kernel("sid", Error(Fork))), Night(3, Kernel("sid", Pass(Fork))));

        Assert.Multiple(() =>
        {
            Assert.That(Kinds(worse), Is.EqualTo(new[] { (ChangeKind.NewlyError, "sid", Fork) }));
            Assert.That(worse.Worse, Is.True);
            Assert.That(Kinds(better), Is.EqualTo(new[] { (ChangeKind.NoLongerError, "sid", Fork) }));
            Assert.That(better.Worse, Is.False);
        });
    }

    [Test]
    public void Kernels_added_and_removed_are_named_and_an_added_kernel_that_fails_is_a_new_failure()
    {
        var comparison = RunComparison.Of(
            Night(1, Kernel("gone", Pass(Fork)), Kernel("sid", Pass(Fork))),
            Night(2, Kernel("sid", Pass(Fork)), Kernel("fresh", Fail(Fork)), Kernel("fine", Pass(Fork))));

        Assert.Multiple(() =>
        {
            Assert.That(comparison.KernelsAdded, Is.EqualTo(new[] { "fresh", "fine" }));
            Assert.That(comparison.KernelsRemoved, Is.EqualTo(new[] { "gone" }));
            Assert.That(Kinds(comparison), Is.EqualTo(new[] { (ChangeKind.NewFailure, "fresh", Fork) }));
        });
    }

    [Test]
    public void A_control_that_keeps_failing_as_it_must_is_no_change_and_one_that_stops_is_a_new_failure()
    {
        var control = Expectation.FailIn(Fork);
        var steady = RunComparison.Of(Night(1, Kernel("control", control, Fail(Fork))), Night(2, Kernel("control", control, Fail(Fork))));
        var stopped = RunComparison.Of(Night(1, Kernel("control", control, Fail(Fork))), Night(2, Kernel("control", control, Pass(Fork))));

        Assert.Multiple(() =>
        {
            Assert.That(steady.Changes, Is.Empty);
            Assert.That(Kinds(stopped), Is.EqualTo(new[] { (ChangeKind.NewFailure, "control", Fork) }));
        });
    }

    [Test]
    public void A_fail_in_one_repeat_of_the_new_run_is_a_new_failure_even_when_another_repeat_passed()
    {
        var sid = Kernel("sid", Pass(Fork));
        var comparison = RunComparison.Of(Night(1, sid), Night(2, sid, sid.Again(2, Fail(Fork))));

        Assert.That(comparison.Changes.Single().Kind, Is.EqualTo(ChangeKind.NewFailure));
        Assert.That(ComparisonText.Render(comparison), Does.Match(@"\nnew failure +sid fork_cpu_id: PASS -> PASS/FAIL \(Fail reason\)\n"));
    }

    [Test]
    public void The_text_ends_with_the_verdict_and_the_counts()
    {
        var comparison = RunComparison.Of(Night(1, Kernel("gone", Pass(Fork)), Kernel("sid", Fail(Fork), Pass(Cs))), Night(2, Kernel("sid", Pass(Fork), Fail(Cs))));

        var lines = ComparisonText.Render(comparison).TrimEnd().Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("old: 20261101-020000 (2026-11-01 02:00 UTC, 2 kernels)"));
            Assert.That(lines[1], Does.StartWith("new: 20261102-020000 (2026-11-02 02:00 UTC, 1 kernel)"));
            Assert.That(lines[^1], Is.EqualTo("worse: new failure ×1, fixed ×1, kernel removed ×1"));
        });
    }
}
