using Harness.Config;
using Harness.History;
using Harness.Judging;
using Protocol;
using static Harness.Tests.History.Nights;

namespace Harness.Tests.History;

/// <summary>Every classification of a kernel × scenario cell, on nights made in code.</summary>
public class ClassificationTests
{
    const string Fork = ScenarioNames.ForkCpuId;
    const string Affinity = ScenarioNames.AffinityPin;

    static readonly Expectation ForkControl = Expectation.FailIn(Fork);

    static HistoryTable History(params Harness.History.RecordedRun[] nights) => HistoryTable.Build(nights, []);

    [Test]
    public void A_cell_that_fails_after_passing_is_a_new_failure()
    {
        var table = History(Night(1, Kernel("sid", Pass(Fork))), Night(2, Kernel("sid", Fail(Fork))));

        Assert.That(table.ClassesOf("sid", Fork), Is.EqualTo(new Classification?[] { Classification.Pass, Classification.NewFailure }));
    }

    [Test]
    public void A_cell_that_fails_the_first_night_it_appears_is_a_new_failure()
    {
        var table = History(Night(1, Kernel("sid", Pass(Fork))), Night(2, Kernel("sid", Pass(Fork)), Kernel("experimental", Fail(Fork))));

        Assert.That(table.ClassesOf("experimental", Fork), Is.EqualTo(new Classification?[] { null, Classification.NewFailure }));
    }

    [Test]
    public void A_cell_that_fails_night_after_night_is_still_failing()
    {
        var table = History(Night(1, Kernel("sid", Pass(Fork))), Night(2, Kernel("sid", Fail(Fork))), Night(3, Kernel("sid", Fail(Fork))), Night(4, Kernel("sid", Fail(Fork))));

        Assert.That(table.ClassesOf("sid", Fork), Is.EqualTo(new Classification?[]
            { Classification.Pass, Classification.NewFailure, Classification.StillFailing, Classification.StillFailing }));
    }

    [Test]
    public void A_cell_that_passes_after_failing_is_fixed_and_then_passes()
    {
        var table = History(Night(1, Kernel("sid", Fail(Fork))), Night(2, Kernel("sid", Fail(Fork))), Night(3, Kernel("sid", Pass(Fork))), Night(4, Kernel("sid", Pass(Fork))));

        Assert.That(table.ClassesOf("sid", Fork), Is.EqualTo(new Classification?[]
            { Classification.NewFailure, Classification.StillFailing, Classification.Fixed, Classification.Pass }));
    }

    [Test]
    public void A_cell_whose_repeats_disagree_within_a_run_is_flaky()
    {
        var sid = Kernel("sid", Pass(Fork), Pass(Affinity));
        var table = History(Night(1, sid), Night(2, sid, sid.Again(2, Fail(Fork), Pass(Affinity)), sid.Again(3, Pass(Fork), Pass(Affinity))));

        Assert.Multiple(() =>
        {
            Assert.That(table.ClassesOf("sid", Fork), Is.EqualTo(new Classification?[] { Classification.Pass, Classification.Flaky }));
            Assert.That(table.ClassesOf("sid", Affinity), Is.EqualTo(new Classification?[] { Classification.Pass, Classification.Pass }));
            Assert.That(table.Rows.Single().Nights[1]!.Cells.Single(c => c.Cell.Scenario == Fork).Cell.OutcomeText, Is.EqualTo("PASS/FAIL/PASS"));
        });
    }

    [Test]
    public void A_one_night_failure_fixed_the_next_night_is_fixed_not_flaky()
    {
        var verdicts = new[] { Pass(Fork), Fail(Fork), Pass(Fork) };
        var table = History(verdicts.Select((v, i) => Night(i + 1, Kernel("sid", v))).ToArray());

        Assert.That(table.ClassesOf("sid", Fork), Is.EqualTo(new Classification?[] { Classification.Pass, Classification.NewFailure, Classification.Fixed }));
    }

    [Test]
    public void A_failure_back_within_five_runs_of_its_fix_is_flaky()
    {
        var verdicts = new[] { Fail(Fork), Pass(Fork), Pass(Fork), Pass(Fork), Fail(Fork) };
        var table = History(verdicts.Select((v, i) => Night(i + 1, Kernel("sid", v))).ToArray());

        Assert.That(table.ClassesOf("sid", Fork)[^1], Is.EqualTo(Classification.Flaky));
    }

    [Test]
    public void A_failure_back_more_than_five_runs_after_its_fix_is_a_new_failure()
    {
        // Fixed on night 2, failing again on night 7: the fix is six runs back.
        var verdicts = new[] { Fail(Fork), Pass(Fork), Pass(Fork), Pass(Fork), Pass(Fork), Pass(Fork), Fail(Fork) };
        var table = History(verdicts.Select((v, i) => Night(i + 1, Kernel("sid", v))).ToArray());

        Assert.That(table.ClassesOf("sid", Fork)[^1], Is.EqualTo(Classification.NewFailure));
    }

    [Test]
    public void A_cell_going_back_and_forth_is_flaky_at_each_change_after_the_first_fix_even_when_it_passes()
    {
        var verdicts = new[] { Pass(Fork), Fail(Fork), Pass(Fork), Fail(Fork), Pass(Fork), Pass(Fork) };
        var table = History(verdicts.Select((v, i) => Night(i + 1, Kernel("sid", v))).ToArray());

        Assert.That(table.ClassesOf("sid", Fork), Is.EqualTo(new Classification?[]
            { Classification.Pass, Classification.NewFailure, Classification.Fixed, Classification.Flaky, Classification.Flaky, Classification.Pass }));
    }

    [Test]
    public void A_controls_named_fail_is_as_expected_and_its_other_scenarios_pass()
    {
        var control = Kernel("control-5.10-fork", ForkControl, Fail(Fork), Pass(Affinity));
        var table = History(Night(1, control), Night(2, control));

        Assert.Multiple(() =>
        {
            Assert.That(table.ClassesOf("control-5.10-fork", Fork), Is.EqualTo(new Classification?[] { Classification.AsExpected, Classification.AsExpected }));
            Assert.That(table.ClassesOf("control-5.10-fork", Affinity), Is.EqualTo(new Classification?[] { Classification.Pass, Classification.Pass }));
        });
    }

    [Test]
    public void A_control_that_stops_failing_is_a_new_failure()
    {
        var table = History(Night(1, Kernel("control", ForkControl, Fail(Fork))), Night(2, Kernel("control", ForkControl, Pass(Fork))));

        Assert.That(table.ClassesOf("control", Fork), Is.EqualTo(new Classification?[] { Classification.AsExpected, Classification.NewFailure }));
    }

    [Test]
    public void A_control_that_fails_a_scenario_it_does_not_name_is_a_new_failure()
    {
        var table = History(Night(1, Kernel("control", ForkControl, Fail(Fork), Pass(Affinity))), Night(2, Kernel("control", ForkControl, Fail(Fork), Fail(Affinity))));

        Assert.That(table.ClassesOf("control", Affinity), Is.EqualTo(new Classification?[] { Classification.Pass, Classification.NewFailure }));
    }

    [Test]
    public void A_controls_named_fail_seen_only_on_the_console_is_not_as_expected()
    {
        var fromConsole = Kernel("control", ForkControl, Fail(Fork)).From(Fork, OutcomeSource.Console);
        var table = History(Night(1, Kernel("control", ForkControl, Fail(Fork))), Night(2, fromConsole));

        Assert.That(table.ClassesOf("control", Fork), Is.EqualTo(new Classification?[] { Classification.AsExpected, Classification.NewFailure }));
    }

    [Test]
    public void A_skip_the_kernels_version_rules_out_is_a_failure_and_one_it_allows_is_a_pass()
    {
        // Kernel() reports 6.12, which has node_id/mm_cid: its SKIP hides a broken kernel.
        var table = History(Night(1, Kernel("sid", Pass(ScenarioNames.NodeIdMmCid), Skip("made_up_scenario"))),
            Night(2, Kernel("sid", Skip(ScenarioNames.NodeIdMmCid), Skip("made_up_scenario"))));

        Assert.Multiple(() =>
        {
            Assert.That(table.ClassesOf("sid", ScenarioNames.NodeIdMmCid)[^1], Is.EqualTo(Classification.NewFailure));
            Assert.That(table.ClassesOf("sid", "made_up_scenario")[^1], Is.EqualTo(Classification.Pass));
        });
    }

    [Test]
    public void An_error_night_is_error_and_the_next_night_looks_back_past_it()
    {
        var table = History(
            Night(1, Kernel("sid", Fail(Fork))), Night(2, Kernel("sid", Error(Fork))), Night(3, Kernel("sid", Fail(Fork))),
            Night(4, Kernel("sid", Error(Fork))), Night(5, Kernel("sid", Pass(Fork))));

        Assert.That(table.ClassesOf("sid", Fork), Is.EqualTo(new Classification?[]
            { Classification.NewFailure, Classification.Error, Classification.StillFailing, Classification.Error, Classification.Fixed }));
    }

    [Test]
    public void The_kernels_own_selftests_are_left_out_as_they_never_count()
    {
        var table = History(Night(1, Kernel("build-7.2", Pass(Fork), Fail("selftest:legacy_check"))));

        Assert.That(table.Rows.Single().Nights.Single()!.Cells.Select(c => c.Cell.Scenario), Is.EqualTo(new[] { Fork }));
    }

    [Test]
    public void A_kernels_cell_leads_with_its_worst_classification_and_names_the_scenarios_of_each()
    {
        var table = History(
            Night(1, Kernel("sid", Fail(Fork), Pass(Affinity), Pass(ScenarioNames.CsAbort), Pass(ScenarioNames.MigrationStorm))),
            Night(2, Kernel("sid", Pass(Fork), Fail(Affinity), Fail(ScenarioNames.CsAbort), Pass(ScenarioNames.MigrationStorm))));

        var night = table.Rows.Single().Nights[1]!;

        Assert.Multiple(() =>
        {
            Assert.That(night.Worst, Is.EqualTo(Classification.NewFailure));
            Assert.That(night.Parts().Select(p => p.Text), Is.EqualTo(new[] { "new failure: affinity_pin, cs_abort", "fixed: fork_cpu_id" }));
        });
    }

    [Test]
    public void A_kernel_that_could_not_be_booted_reads_error_on_every_scenario_and_one_missing_from_a_run_has_no_cell()
    {
        var table = History(Night(1, Kernel("sid", Error(Fork), Error(Affinity)), Kernel("old", Pass(Fork))), Night(2, Kernel("sid", Pass(Fork), Pass(Affinity))));

        Assert.Multiple(() =>
        {
            Assert.That(table.Rows.Single(r => r.Kernel == "sid").Nights[0]!.Parts().Single().Text, Is.EqualTo("error: every scenario"));
            Assert.That(table.Rows.Single(r => r.Kernel == "sid").Nights[1]!.Parts().Single().Text, Is.EqualTo("pass"));
            Assert.That(table.Rows.Single(r => r.Kernel == "old").Nights[1], Is.Null);
        });
    }

    [Test]
    public void Rows_follow_the_newest_runs_kernels_then_those_that_left_and_older_runs_still_classify_when_not_shown()
    {
        var nights = new[]
        {
            Night(1, Kernel("gone", Pass(Fork)), Kernel("sid", Pass(Fork))),
            Night(2, Kernel("sid", Fail(Fork))),
            Night(3, Kernel("new", Pass(Fork)), Kernel("sid", Fail(Fork))),
        };

        var table = HistoryTable.Build(nights, [], shown: 1);

        Assert.Multiple(() =>
        {
            Assert.That(table.Rows.Select(r => r.Kernel), Is.EqualTo(new[] { "new", "sid", "gone" }));
            Assert.That(table.Runs.Select(r => r.Name), Is.EqualTo(new[] { nights[2].Name }));
            Assert.That(table.EarlierRuns, Is.EqualTo(2));
            Assert.That(table.ClassesOf("sid", Fork), Is.EqualTo(new Classification?[] { Classification.StillFailing }));
        });
    }
}
