using Harness.Judging;
using Harness.Bisect;

namespace Harness.Tests.Bisect;

/// <summary>
/// Stands in for a build and boot: reads the tree's <c>verdict</c> file (good, bad or skip), so a
/// tiny git history says what each commit would show. Can throw or cancel at a chosen step.
/// </summary>
sealed class ScriptedTester(GitTree git) : ICommitTester
{
    public StepSettings Settings { get; } = new(git.Directory, "fragment", ["fork_cpu_id"], 1, 4, 3, false);

    public List<string> Tested { get; } = [];

    /// <summary>Thrown (or cancelled, for an OperationCanceledException) on this step, counting from 1.</summary>
    public (int Step, Exception Exception)? FailAt { get; init; }

    public async Task<StepRecord> RunAsync(CancellationToken cancellationToken)
    {
        var commit = await git.HeadAsync(cancellationToken);
        Tested.Add(commit);
        if (FailAt is { } failure && failure.Step == Tested.Count)
            throw failure.Exception;
        var word = (await File.ReadAllTextAsync(Path.Combine(git.Directory, "verdict"), cancellationToken)).Split('\n')[0].Trim();
        var verdict = word switch { "good" => KernelJudgement.Good, "bad" => KernelJudgement.Bad, _ => KernelJudgement.Untestable };
        var boot = new BootOutcome(verdict switch { KernelJudgement.Good => BootVerdict.Pass, KernelJudgement.Bad => BootVerdict.Fail, _ => BootVerdict.Untestable }, word, [], 1);
        return new StepRecord(commit, "subject", "author", verdict, word, 1, 1, [boot], []);
    }
}
