using Harness.Bisect;
using Harness.Commands;
using Harness.KernelBuild;

namespace Harness.Tests.Bisect;

/// <summary>
/// The in-place build a bisect step uses, on the 5.10 history: moving between two commits that
/// differ in a few files recompiles those files and relinks, nothing else. The first run builds
/// the tree cold (about 10 minutes on two cores); later runs are incremental.
/// </summary>
[Category("Build"), Category("Network")]
public class InPlaceBuildTests
{
    [Test]
    public async Task Checking_out_another_commit_recompiles_only_the_files_it_changed()
    {
        var ct = CancellationToken.None;
        void Log(string line) => TestContext.Progress.WriteLine(line);
        var history = await KernelHistory.EnsureAsync(Log, ct);
        var tree = new GitTree(history.Tree);
        var before = await tree.HeadAsync(ct);
        var original = await OriginalHead.ReadAsync(tree, ct);
        var builder = new InPlaceBuilder(RepositoryLayout.DefaultCache, line => Log($"  build: {line}"));
        var fragment = Path.Combine(RepositoryLayout.Locate().Root, "configs", "rseq-guest.config");
        try
        {
            await tree.RunAsync(["checkout", "-q", "--detach", KernelHistory.Tags.CleanBad], ct);
            var first = await builder.BuildAsync(tree.Directory, fragment, ct);
            Log($"build at {KernelHistory.Tags.CleanBad}: {first.Seconds:0.0} s");
            await tree.RunAsync(["checkout", "-q", "--detach", KernelHistory.Tags.Good], ct);
            var second = await builder.BuildAsync(tree.Directory, fragment, ct);
            Log($"build at {KernelHistory.Tags.Good}: {second.Seconds:0.0} s");

            var log = await File.ReadAllTextAsync(second.LogPath, ct);
            Assert.Multiple(() =>
            {
                Assert.That(File.Exists(second.ImagePath), Is.True);
                Assert.That(log, Does.Contain("kernel/sched/core.o"), "core.c differs between the two commits");
                Assert.That(log, Does.Not.Contain("kernel/fork.o"), "fork.c is the same in both");
            });
        }
        finally
        {
            // Back to whatever the tree had (a branch or, after a bisect test, a detached HEAD).
            await original.RestoreAsync(tree, CancellationToken.None);
            Assert.That(await tree.HeadAsync(ct), Is.EqualTo(before));
        }
    }
}
