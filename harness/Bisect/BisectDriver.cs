using System.Diagnostics;

namespace Harness.Bisect;

/// <summary>
/// The whole bisect: checks both ends, then lets <c>git bisect</c> choose the commits and answers it
/// with <see cref="BisectStep"/> verdicts (good, bad, skip) until it names the first bad commit.
/// The tree's branch or detached HEAD is restored at the end, on an error and on Ctrl-C.
/// </summary>
public sealed class BisectDriver(GitTree git, ICommitTester step, string runId, string accel, Action<string> log)
{
    public async Task<BisectReport> RunAsync(string goodRevision, string badRevision, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await KernelTreeCheck.EnsureReadyForBisectAsync(git, cancellationToken);
        var good = await git.ResolveCommitAsync(goodRevision, cancellationToken)
            ?? throw new BisectInputException($"--good {goodRevision} names no commit in {git.Directory}");
        var bad = await git.ResolveCommitAsync(badRevision, cancellationToken)
            ?? throw new BisectInputException($"--bad {badRevision} names no commit in {git.Directory}");
        if ((await git.TryRunAsync(["merge-base", "--is-ancestor", good, bad], cancellationToken)).ExitCode != 0)
            throw new BisectInputException($"--good {goodRevision} is not an ancestor of --bad {badRevision}: a regression lies between a commit and a later one");

        var original = await OriginalHead.ReadAsync(git, cancellationToken);
        var rows = new List<BisectStepRow>();
        BisectReport Report(BisectConclusion conclusion, CommitInfo? firstBad = null, IReadOnlyList<string>? candidates = null, string? problem = null) =>
            new(runId, git.Directory, good, bad, step.Settings.Scenarios, step.Settings.Repeats, accel, conclusion, firstBad,
                candidates ?? [], problem,
                firstBad is null || rows.Count < 2 ? null : Confidence.Describe(rows[1].Step, rows.Select(r => r.Step).ToList()),
                rows, clock.Elapsed.TotalSeconds, original.Describe());
        try
        {
            log($"checking the good end {good[..12]}");
            rows.Add(new("good end", await StepAtAsync(good, cancellationToken)));
            log($"checking the bad end {bad[..12]}");
            rows.Add(new("bad end", await StepAtAsync(bad, cancellationToken)));
            if (EndpointCheck.Problem(rows[0].Step, rows[1].Step, step.Settings.Scenarios) is { } problem)
                return Report(BisectConclusion.EndsDoNotCheckOut, problem: problem);

            var progress = BisectProgress.Parse(await git.RunAsync(["bisect", "start", bad, good, "--"], cancellationToken));
            while (!progress.Finished)
            {
                var record = await step.RunAsync(cancellationToken);
                rows.Add(new($"step {rows.Count - 1}", record));
                progress = await AnswerAsync(BisectStep.Word(record.Verdict), cancellationToken);
            }
            if (progress.FirstBad is { } firstBad)
                return Report(BisectConclusion.FirstBadFound, await DescribeAsync(firstBad, cancellationToken));
            return Report(BisectConclusion.OnlyUntestableLeft, candidates: progress.SkippedCandidates,
                problem: "only untestable commits are left between the last good and the first bad: the first bad commit is one of the candidates");
        }
        catch (OperationCanceledException)
        {
            Interrupted = Report(BisectConclusion.Interrupted, problem: "interrupted");
            throw;
        }
        finally
        {
            // Never with the cancelled token: Ctrl-C is exactly when the tree must be put back.
            await original.RestoreAsync(git, CancellationToken.None);
            log($"the tree is back at {original.Describe()}");
        }
    }

    /// <summary>The report up to the interruption, when the bisect was cancelled (the steps done so far).</summary>
    public BisectReport? Interrupted { get; private set; }

    /// <summary>Tells git bisect the verdict; it exits 2 when only skipped commits are left, which is an answer, not a failure.</summary>
    async Task<BisectProgress> AnswerAsync(string word, CancellationToken cancellationToken)
    {
        var result = await git.TryRunAsync(["bisect", word], cancellationToken);
        var progress = BisectProgress.Parse(result.StandardOutput + "\n" + result.StandardError);
        if (result.ExitCode != 0 && !progress.Finished)
            throw new GitException($"git bisect {word} failed with status {result.ExitCode}: {result.StandardError.Trim()}");
        return progress;
    }

    async Task<StepRecord> StepAtAsync(string commit, CancellationToken cancellationToken)
    {
        await git.RunAsync(["checkout", "-q", "--detach", commit], cancellationToken);
        return await step.RunAsync(cancellationToken);
    }

    async Task<CommitInfo> DescribeAsync(string commit, CancellationToken cancellationToken)
    {
        var lines = (await git.RunAsync(["log", "-1", "--format=%s%n%an <%ae>", commit], cancellationToken)).Split('\n');
        return new CommitInfo(commit, lines[0].Trim(), lines.Length > 1 ? lines[1].Trim() : "");
    }
}
