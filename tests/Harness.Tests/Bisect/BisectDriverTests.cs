using Harness.Bisect;

namespace Harness.Tests.Bisect;

/// <summary>The driver against real git on a tiny history, with a scripted tester in place of build and boot.</summary>
public class BisectDriverTests
{
    static BisectDriver Driver(TinyHistory history, ScriptedTester tester) =>
        new(history.Git, tester, "run", "tcg", line => TestContext.Progress.WriteLine(line));

    [Test]
    public async Task The_driver_names_the_first_bad_commit_after_checking_both_ends_and_checks_the_branch_out_again()
    {
        using var history = await TinyHistory.CreateAsync("good", "good", "good", "good", "good", "bad", "bad", "bad", "bad", "bad", "bad", "bad", "bad", "bad");
        var tester = new ScriptedTester(history.Git);

        var report = await Driver(history, tester).RunAsync("c0", "c13", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(report.Conclusion, Is.EqualTo(BisectConclusion.FirstBadFound));
            Assert.That(report.FirstBad?.Hash, Is.EqualTo(await history.CommitAsync("c5")));
            Assert.That(report.FirstBad?.Subject, Is.EqualTo("commit 5: bad"));
            Assert.That(report.Steps.Take(2).Select(s => s.Role), Is.EqualTo(new[] { "good end", "bad end" }));
            Assert.That(report.Steps.Count, Is.InRange(2 + 3, 2 + 5), "about log2(13) steps plus the two ends");
            Assert.That(report.Confidence, Does.StartWith("100%"));
        });
        await AssertBackOnMainAsync(history);
    }

    // Untestable commits skipped on the way to the culprit: BrokenSeriesShapeTests, whose history
    // makes git bisect try one for certain.

    [Test]
    public async Task A_culprit_hidden_by_untestable_commits_is_reported_with_its_candidates()
    {
        using var history = await TinyHistory.CreateAsync("good", "skip", "bad");
        var report = await Driver(history, new ScriptedTester(history.Git)).RunAsync("c0", "c2", CancellationToken.None);

        Assert.That(report.Conclusion, Is.EqualTo(BisectConclusion.OnlyUntestableLeft));
        Assert.That(report.Candidates, Does.Contain(await history.CommitAsync("c1")));
    }

    [Test]
    public async Task Ends_that_do_not_check_out_stop_the_bisect_before_git_bisect_starts()
    {
        using var history = await TinyHistory.CreateAsync("good", "good", "good");
        var report = await Driver(history, new ScriptedTester(history.Git)).RunAsync("c0", "c2", CancellationToken.None);

        Assert.That(report.Conclusion, Is.EqualTo(BisectConclusion.EndsDoNotCheckOut));
        Assert.That(report.Problem, Does.Contain("PASSes"));
        Assert.That(report.Steps, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_branch_is_checked_out_again_when_a_step_fails()
    {
        using var history = await TinyHistory.CreateAsync("good", "bad", "bad", "bad", "bad", "bad");
        var tester = new ScriptedTester(history.Git) { FailAt = (3, new IOException("disk full")) };

        Assert.ThrowsAsync<IOException>(() => Driver(history, tester).RunAsync("c0", "c5", CancellationToken.None));
        await AssertBackOnMainAsync(history);
    }

    [Test]
    public async Task The_branch_is_checked_out_again_on_ctrl_c_and_the_steps_so_far_are_kept()
    {
        using var history = await TinyHistory.CreateAsync("good", "bad", "bad", "bad", "bad", "bad");
        var tester = new ScriptedTester(history.Git) { FailAt = (3, new OperationCanceledException()) };
        var driver = Driver(history, tester);

        Assert.ThrowsAsync<OperationCanceledException>(() => driver.RunAsync("c0", "c5", CancellationToken.None));
        await AssertBackOnMainAsync(history);
        Assert.That(driver.Interrupted?.Steps, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_detached_head_is_restored_to_the_same_commit()
    {
        using var history = await TinyHistory.CreateAsync("good", "bad", "bad");
        await history.Git.RunAsync(["checkout", "-q", "--detach", "c1"], CancellationToken.None);
        await Driver(history, new ScriptedTester(history.Git)).RunAsync("c0", "c2", CancellationToken.None);

        Assert.That(await history.Git.HeadAsync(CancellationToken.None), Is.EqualTo(await history.CommitAsync("c1")));
        Assert.That((await history.Git.TryRunAsync(["symbolic-ref", "-q", "HEAD"], CancellationToken.None)).ExitCode, Is.Not.Zero);
    }

    [Test]
    public async Task A_tree_with_uncommitted_changes_is_refused_before_anything_is_checked_out()
    {
        using var history = await TinyHistory.CreateAsync("good", "bad");
        await File.WriteAllTextAsync(Path.Combine(history.Git.Directory, "kernel", "fork.c"), "changed\n");

        var error = Assert.ThrowsAsync<BisectInputException>(() => Driver(history, new ScriptedTester(history.Git)).RunAsync("c0", "c1", CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("uncommitted changes"));
    }

    [Test]
    public async Task A_good_end_that_is_not_an_ancestor_of_the_bad_is_refused()
    {
        using var history = await TinyHistory.CreateAsync("good", "bad");
        var error = Assert.ThrowsAsync<BisectInputException>(() => Driver(history, new ScriptedTester(history.Git)).RunAsync("c1", "c0", CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("not an ancestor"));
    }

    [Test]
    public async Task A_folder_without_a_kernel_at_its_top_is_not_a_kernel_tree()
    {
        using var history = await TinyHistory.CreateAsync("good");
        File.Delete(Path.Combine(history.Git.Directory, "Makefile"));
        var error = Assert.ThrowsAsync<BisectInputException>(() => KernelTreeCheck.OpenAsync(history.Git.Directory, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("not a kernel tree"));
    }

    static async Task AssertBackOnMainAsync(TinyHistory history)
    {
        var branch = await history.Git.RunAsync(["symbolic-ref", "--short", "HEAD"], CancellationToken.None);
        Assert.That(branch.Trim(), Is.EqualTo("main"));
        Assert.That(await history.Git.HeadAsync(CancellationToken.None), Is.EqualTo((await history.Git.RunAsync(["rev-parse", "main"], CancellationToken.None)).Trim()));
        Assert.That(await OriginalHead.BisectInProgressAsync(history.Git, CancellationToken.None), Is.False);
    }
}

/// <summary>The shape of the 5.10 history's broken series (see KernelHistory), replayed on a tiny history.</summary>
public class BrokenSeriesShapeTests
{
    [Test]
    public async Task The_broken_series_makes_git_bisect_try_an_untestable_commit_and_still_find_the_culprit()
    {
        // base, 8 good, no-build, its fix, no-boot, its fix, 1 good, the culprit, 4 bad.
        using var history = await TinyHistory.CreateAsync(
            "good", "good", "good", "good", "good", "good", "good", "good", "good",
            "skip", "good", "skip", "good", "good", "bad", "bad", "bad", "bad", "bad");
        var tester = new ScriptedTester(history.Git);
        var report = await new BisectDriver(history.Git, tester, "run", "tcg", _ => { }).RunAsync("c0", "c18", CancellationToken.None);

        Assert.That(report.FirstBad?.Hash, Is.EqualTo(await history.CommitAsync("c14")));
        // git bisect's choice after a skip depends on more than the shape, so only the first midpoint,
        // the commit that does not build, is certain to be tried.
        Assert.That(tester.Tested, Does.Contain(await history.CommitAsync("c9")), "the commit that does not build");
    }
}
