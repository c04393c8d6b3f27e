using Harness.Soak;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// <c>harness soak</c> for a few seconds against the fake QEMU: at least two rounds, the report in
/// the results folder, and a changed cell reported only when the fake's outcome really alternates.
/// </summary>
[Category("Build")] // each round builds the real guest image (from the cache after the first time)
public class SoakRunTests : ScratchTests
{
    async Task<(HarnessProcess.Outcome Outcome, SoakFile Report, string Markdown)> SoakAsync(string mode)
    {
        Scratch.FakeBzImage();
        var matrix = Scratch.Write("kernels.yaml", """
            defaults:
              accel: tcg
              boot_timeout: 20
              test_timeout: 20
              guest:
                scenarios: [fork_cpu_id]
            kernels:
              - name: fake-6.1
                source: { path: bzImage }
            """);
        var outcome = await HarnessProcess.RunAsync(
            ["soak", "--minutes", "0.05", "--matrix", matrix, "--results", Scratch.Results, "--qemu", FakeQemu],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = mode, ["FAKEQEMU_COUNTER"] = Path.Combine(Scratch.Path, "boots") });
        var folder = Directory.GetDirectories(Scratch.Results, "soak-*").Single();
        return (outcome,
            SoakJson.Deserialize(File.ReadAllText(Path.Combine(folder, "soak.json"))),
            File.ReadAllText(Path.Combine(folder, "soak.md")));
    }

    [Test]
    public async Task A_kernel_whose_verdict_alternates_is_reported_with_the_rounds_and_outcomes_and_the_soak_exits_1()
    {
        var (outcome, report, markdown) = await SoakAsync("flaky");

        Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.Output + outcome.Errors);
        Assert.That(report.RoundsRun, Is.GreaterThanOrEqualTo(SoakRunner.MinimumRounds));
        var change = report.Changes.Single();
        Assert.Multiple(() =>
        {
            Assert.That((change.Kernel, change.Scenario), Is.EqualTo(("fake-6.1", "fork_cpu_id")));
            Assert.That(change.Spans[0], Is.EqualTo(new SoakFileSpan(1, 1, ScenarioVerdict.Fail, "stale cpu_id in 3 of 20 forked children")));
            Assert.That(change.Spans[1], Is.EqualTo(new SoakFileSpan(2, 2, ScenarioVerdict.Pass, null)));
            Assert.That(change.Spans, Has.Count.EqualTo(report.RoundsRun));
            Assert.That(markdown, Does.Contain("| fake-6.1 | fork_cpu_id | round 1 FAIL (stale cpu_id in 3 of 20 forked children); round 2 PASS"));
            Assert.That(outcome.Output, Does.Contain("## Cells whose outcome changed"));
        });
    }

    [Test]
    public async Task A_steady_kernel_gives_no_change_a_footprint_per_round_and_exit_0()
    {
        var (outcome, report, markdown) = await SoakAsync("pass");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(report.Changes, Is.Empty);
            Assert.That(report.RoundsRun, Is.GreaterThanOrEqualTo(SoakRunner.MinimumRounds));
            Assert.That(report.Rounds.Select(r => r.Number), Is.EqualTo(Enumerable.Range(1, report.RoundsRun)));
            Assert.That(report.Rounds, Has.All.Matches<SoakFileRound>(r => r.AllMetExpectation && r.After.OpenFileDescriptors > 0 && r.After.GcHeapBytes > 0));
            Assert.That(report.Start.WorkingSetBytes, Is.GreaterThan(0));
            Assert.That(report.End.OpenFileDescriptors, Is.GreaterThan(0));
            Assert.That(markdown, Does.Contain("None: every kernel × scenario had the same outcome"));
            Assert.That(markdown, Does.Contain("| open file descriptors |"));
        });
        // Each round is a run folder of its own, with its run.json.
        foreach (var round in report.Rounds)
            Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(Directory.GetFiles(Scratch.Results, "soak.json", SearchOption.AllDirectories).Single())!, round.RunFolder, "run.json")), Is.True);
    }
}
