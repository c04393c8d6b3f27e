using System.Diagnostics;
using System.Text.Json;
using Harness.Bisect;
using Harness.Tests.EndToEnd;

namespace Harness.Tests.Bisect;

/// <summary>
/// <c>harness bisect</c> as a user runs it, on the 5.10 history of <see cref="KernelHistory"/>,
/// under the real QEMU (TCG, 4 vCPUs, fork_cpu_id only, to stay short). The first run of all builds
/// the tree cold; after that each step is an incremental build.
/// </summary>
[Category("VM"), Category("Network")]
public class BisectAcceptanceTests
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(60);

    [Test]
    public async Task The_bisect_names_the_commit_that_removed_rseq_migrate_and_a_rerun_replays_it_from_the_cache()
    {
        var history = await KernelHistory.EnsureAsync(Log, CancellationToken.None);
        var git = new GitTree(history.Tree);
        var before = await git.HeadAsync(CancellationToken.None);
        var results = Directory.CreateTempSubdirectory("bisect-acceptance-").FullName;

        var clock = Stopwatch.StartNew();
        var first = await BisectAsync(history, KernelHistory.Tags.CleanBad, results, "--retest");
        Log($"bisect: {clock.Elapsed.TotalSeconds:0} s");
        clock.Restart();
        var rerun = await BisectAsync(history, KernelHistory.Tags.CleanBad, results);
        Log($"rerun: {clock.Elapsed.TotalSeconds:0} s");

        var culprit = await git.ResolveCommitAsync(KernelHistory.Tags.CleanCulprit, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(first.Json.GetProperty("first_bad").GetProperty("hash").GetString(), Is.EqualTo(culprit), first.Output);
            Assert.That(first.Output, Does.Contain($"first bad commit: {culprit}"));
            // 14 commits: log2(14) rounds up to 4 steps, plus the two ends.
            Assert.That(first.Json.GetProperty("steps").GetArrayLength(), Is.InRange(2 + 3, 2 + 5));
            Assert.That(rerun.Json.GetProperty("first_bad").GetProperty("hash").GetString(), Is.EqualTo(culprit));
            Assert.That(rerun.Json.GetProperty("steps").EnumerateArray().All(s => s.GetProperty("step").GetProperty("from_cache").GetBoolean()), Is.True, rerun.Output);
            Assert.That(await git.HeadAsync(CancellationToken.None), Is.EqualTo(before));
        });
        Directory.Delete(results, recursive: true);
    }

    [Test]
    public async Task A_commit_that_does_not_build_and_one_that_does_not_boot_are_skipped_and_the_culprit_is_still_found()
    {
        var history = await KernelHistory.EnsureAsync(Log, CancellationToken.None);
        var git = new GitTree(history.Tree);
        var results = Directory.CreateTempSubdirectory("bisect-acceptance-").FullName;

        var run = await BisectAsync(history, KernelHistory.Tags.BrokenBad, results, "--retest");

        var noBuild = await git.ResolveCommitAsync(KernelHistory.Tags.BrokenBuild, CancellationToken.None);
        var noBoot = await git.ResolveCommitAsync(KernelHistory.Tags.BrokenBoot, CancellationToken.None);
        var steps = run.Json.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step")).ToList();
        JsonElement StepOf(string? commit) => steps.Single(s => s.GetProperty("commit").GetString() == commit);
        Assert.Multiple(async () =>
        {
            Assert.That(run.Json.GetProperty("first_bad").GetProperty("hash").GetString(),
                Is.EqualTo(await git.ResolveCommitAsync(KernelHistory.Tags.BrokenCulprit, CancellationToken.None)), run.Output);
            Assert.That(StepOf(noBuild).GetProperty("verdict").GetString(), Is.EqualTo("untestable"));
            Assert.That(StepOf(noBuild).GetProperty("evidence").GetString(), Does.StartWith("build failed"));
            // git bisect may or may not try the commit that does not boot after the first skip; when it does, it is skipped.
            if (steps.Any(s => s.GetProperty("commit").GetString() == noBoot))
                Assert.That(StepOf(noBoot).GetProperty("verdict").GetString(), Is.EqualTo("untestable"));
        });
        Directory.Delete(results, recursive: true);
    }

    [Test]
    public async Task A_commit_that_panics_at_boot_makes_the_step_exit_125_so_git_bisect_run_skips_it()
    {
        // git bisect need not land on the panicking commit of the broken series (a good commit after
        // it can bracket it out), so the step is run on it directly, as git bisect run would.
        var history = await KernelHistory.EnsureAsync(Log, CancellationToken.None);
        var git = new GitTree(history.Tree);
        var original = await OriginalHead.ReadAsync(git, CancellationToken.None);
        var results = Directory.CreateTempSubdirectory("bisect-step-panic-").FullName;
        try
        {
            await git.RunAsync(["checkout", "-q", "--detach", KernelHistory.Tags.BrokenBoot], CancellationToken.None);
            var outcome = await HarnessProcess.RunAsync(
                ["bisect-step", "--tree", history.Tree, "--scenario", "fork_cpu_id", "--accel", "tcg", "--retest", "--results", results],
                timeout: Patience);
            Log(outcome.Output);

            Assert.That(outcome.ExitCode, Is.EqualTo(125), outcome.Output + outcome.Errors);
            Assert.That(outcome.Output, Does.Contain(" skip: "), "the step says why it gives no verdict");
        }
        finally
        {
            await original.RestoreAsync(git, CancellationToken.None);
            Directory.Delete(results, recursive: true);
        }
    }

    sealed record Run(string Output, JsonElement Json);

    static async Task<Run> BisectAsync(KernelHistory.Tags history, string bad, string results, params string[] extra)
    {
        var outcome = await HarnessProcess.RunAsync(
            ["bisect", "--tree", history.Tree, "--good", KernelHistory.Tags.Good, "--bad", bad, "--scenario", "fork_cpu_id",
             "--accel", "tcg", "--cpus", "4", "--results", results, .. extra],
            timeout: Patience);
        Log(outcome.Output);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output + outcome.Errors);
        var newest = new DirectoryInfo(results).GetDirectories().Where(d => d.Name != "latest").OrderBy(d => d.Name).Last();
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(newest.FullName, BisectFiles.JsonName))).RootElement;
        return new Run(outcome.Output, json);
    }

    static void Log(string line) => TestContext.Progress.WriteLine(line);
}
