using Harness.History;

namespace Harness.Tests.History;

/// <summary>The history and the comparison of real runs of this machine (RealRuns/README.md says where they come from).</summary>
public class RealRunsTests
{
    const string Schema1 = "20261129-095824";
    const string Before = "20261129-101334";
    const string After = "20261129-125847";

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
            Assert.That(table.Runs.Select(r => r.Name), Is.EqualTo(new[] { Before, After }));
            Assert.That(table.Rows, Has.Count.EqualTo(10));
            Assert.That(Cell("control-5.10-fork", 1), Is.EqualTo("as expected: fork_cpu_id, affinity_pin"));
            // 7.2's own legacy_check FAILs on this control too, but selftests never count.
            Assert.That(Cell("control-7.2-legacy", 1), Is.EqualTo("as expected: legacy_cpu_id_start"));
            Assert.That(table.Rows.Where(r => !r.Kernel.StartsWith("control-", StringComparison.Ordinal)).Select(r => Cell(r.Kernel, 1)), Has.All.EqualTo("pass"));
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
}
