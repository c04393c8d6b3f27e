using Harness.Bisect;

namespace Harness.Tests.Bisect;

/// <summary>A throwaway git repository shaped like a kernel tree, one commit per verdict given, tagged c0, c1, …</summary>
sealed class TinyHistory : IDisposable
{
    public GitTree Git { get; }

    TinyHistory(string directory) => Git = new GitTree(directory);

    public static async Task<TinyHistory> CreateAsync(params string[] verdicts)
    {
        var history = new TinyHistory(Directory.CreateTempSubdirectory("tiny-history-").FullName);
        var root = history.Git.Directory;
        Directory.CreateDirectory(Path.Combine(root, "kernel"));
        Directory.CreateDirectory(Path.Combine(root, "arch", "x86"));
        await File.WriteAllTextAsync(Path.Combine(root, "Makefile"), "all:\n");
        await File.WriteAllTextAsync(Path.Combine(root, "kernel", "fork.c"), "\n");
        await File.WriteAllTextAsync(Path.Combine(root, "arch", "x86", "Kconfig"), "\n");
        await history.Git.RunAsync(["init", "-q", "-b", "main"], CancellationToken.None);
        for (var i = 0; i < verdicts.Length; i++)
        {
            // The commit number keeps two commits with the same verdict apart.
            await File.WriteAllTextAsync(Path.Combine(root, "verdict"), $"{verdicts[i]}\n{i}\n");
            await history.Git.RunAsync(["add", "-A"], CancellationToken.None);
            await history.Git.RunAsync(["-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", $"commit {i}: {verdicts[i]}"], CancellationToken.None);
            await history.Git.RunAsync(["tag", $"c{i}"], CancellationToken.None);
        }
        return history;
    }

    public Task<string> CommitAsync(string tag) => Git.RunAsync(["rev-parse", tag], CancellationToken.None).ContinueWith(t => t.Result.Trim());

    public void Dispose() => Directory.Delete(Git.Directory, recursive: true);
}
