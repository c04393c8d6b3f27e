using Harness.History;

namespace Harness.Tests.History;

/// <summary>The history and the comparison of real runs of this machine (RealRuns/README.md says where they come from).</summary>
public class RealRunsTests
{
    const string Schema1 = "20261129-095824";
    const string Before = "20261129-101334";
    const string After = "20261129-125847";

    /// <summary>Schema 3, a smaller matrix whose build-5.10 carried control-5.10-fork's patch (the regression "landing" in the tree a nightly builds).</summary>
    const string Regressed = "20261129-171549";

    /// <summary>Schema 3, the same small matrix with build-5.10 back to its unpatched source (the regression reverted).</summary>
    const string Reverted = "20261129-173420";

    static string RealRuns => Path.Combine(TestPaths.RepositoryRoot, "tests", "Harness.Tests", "History", "RealRuns");

    static RecordedRun Run(string name) => RunReader.Read(Path.Combine(RealRuns, name));

    [Test]
    public void The_history_of_the_real_runs_skips_the_schema_1_run_and_shows_the_controls_catching_their_regressions()
    {
        var contents = ResultsFolder.Read(RealRuns);
        var table = HistoryTable.Build(contents.Runs, contents.Skipped);
        string Cell(string kernel, int night) => string.Join("; ", table.Rows.Single(r => r.Kernel == kernel).Nights[night]!.Parts().Select(p => p.Text));

        Assert.Multiple(() =>
        {
            Assert.That(contents.Skipped.Single().Name, Is.EqualTo(Schema1));
            Assert.That(contents.Skipped.Single().Why, Does.StartWith($"{Schema1}/run.json:").And.Contain("(schema_version 1, this harness writes"));
            Assert.That(table.Runs.Select(r => r.Name), Is.EqualTo(new[] { Before, After, Regressed, Reverted }));
            Assert.That(table.Rows.Select(r => r.Kernel).Take(4), Is.EqualTo(new[] { "bullseye-5.10", "bookworm-6.1", "control-5.10-fork", "build-5.10" }));
            Assert.That(table.Rows, Has.Count.EqualTo(10));
            Assert.That(Cell("control-5.10-fork", 1), Is.EqualTo("as expected: fork_cpu_id, affinity_pin"));
            Assert.That(Cell("control-5.10-fork", 2), Is.EqualTo("as expected: fork_cpu_id, affinity_pin"));
            // 7.2's own legacy_check FAILs on this control too, but selftests never count.
            Assert.That(Cell("control-7.2-legacy", 1), Is.EqualTo("as expected: legacy_cpu_id_start"));
            Assert.That(table.Rows.Single(r => r.Kernel == "control-7.2-legacy").Nights[2], Is.Null);
            Assert.That(Cell("build-5.10", 1), Is.EqualTo("pass"));
            Assert.That(Cell("build-5.10", 2), Is.EqualTo("new failure: fork_cpu_id, affinity_pin"));
            Assert.That(Cell("build-5.10", 3), Is.EqualTo("fixed: fork_cpu_id, affinity_pin"));
            Assert.That(Cell("bullseye-5.10", 2), Is.EqualTo("pass"));
        });
    }

    [Test]
    public void Between_the_two_real_runs_nothing_got_worse_and_the_new_v2_scenarios_are_no_change()
    {
        var comparison = RunComparison.Of(Run(Before), Run(After));

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Changes, Is.Empty);
            Assert.That(comparison.KernelsAdded.Concat(comparison.KernelsRemoved), Is.Empty);
            Assert.That(comparison.Worse, Is.False);
        });
    }

    [Test]
    public void The_real_run_with_the_regression_is_worse_than_the_one_before_naming_both_scenarios_and_the_kernels_it_left_out()
    {
        var comparison = RunComparison.Of(Run(After), Run(Regressed));
        var text = ComparisonText.Render(comparison);

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Changes.Select(c => (c.Kind, c.New.Kernel, c.New.Scenario)), Is.EqualTo(new[]
            {
                (ChangeKind.NewFailure, "build-5.10", "fork_cpu_id"),
                (ChangeKind.NewFailure, "build-5.10", "affinity_pin"),
            }));
            Assert.That(comparison.KernelsRemoved, Is.EqualTo(new[] { "trixie-6.12", "sid", "experimental", "sid-numa", "control-7.2-legacy", "build-7.2" }));
            Assert.That(comparison.Worse, Is.True);
            Assert.That(text, Does.Match(@"\nnew failure +build-5\.10 fork_cpu_id: PASS -> FAIL \(stale cpu_id in \d+ of \d+ forked children"));
        });
    }

    [Test]
    public void The_real_run_after_the_revert_is_fixed_in_both_scenarios_and_passes_the_gate()
    {
        var comparison = RunComparison.Of(Run(Regressed), Run(Reverted));

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Changes.Select(c => (c.Kind, c.New.Kernel, c.New.Scenario)), Is.EqualTo(new[]
            {
                (ChangeKind.Fixed, "build-5.10", "fork_cpu_id"),
                (ChangeKind.Fixed, "build-5.10", "affinity_pin"),
            }));
            Assert.That(comparison.Worse, Is.False);
        });
    }
}
