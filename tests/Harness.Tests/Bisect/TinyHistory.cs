using System.Text;
using CliWrap;
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
        await history.Git.RunAsync(["init", "-q", "-b", "main"], CancellationToken.None);
        // One git fast-import for the whole history instead of three git processes a commit: the
        // bisect tests make a dozen histories, and process starts were most of their time.
        await Cli.Wrap("git").WithArguments(["fast-import", "--quiet"]).WithWorkingDirectory(root)
            .WithStandardInputPipe(PipeSource.FromString(FastImportStream(verdicts)))
            .ExecuteAsync(CancellationToken.None);
        await history.Git.RunAsync(["checkout", "-q", "-f", "main"], CancellationToken.None);
        return history;
    }

    /// <summary>
    /// A kernel-like tree (Makefile, kernel/fork.c, arch/x86/Kconfig) and a <c>verdict</c> file whose
    /// content changes with every commit; commit i is tagged ci.
    /// </summary>
    static string FastImportStream(IReadOnlyList<string> verdicts)
    {
        var stream = new StringBuilder();
        void File(string path, string content) =>
            stream.Append($"M 100644 inline {path}\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
        for (var i = 0; i < verdicts.Count; i++)
        {
            var message = $"commit {i}: {verdicts[i]}";
            stream.Append($"commit refs/heads/main\nmark :{i + 1}\ncommitter T <t@example.invalid> {1_700_000_000 + i} +0000\n");
            stream.Append($"data {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
            if (i == 0)
            {
                File("Makefile", "all:\n");
                File("kernel/fork.c", "\n");
                File("arch/x86/Kconfig", "\n");
            }
            // The commit number keeps two commits with the same verdict apart.
            File("verdict", $"{verdicts[i]}\n{i}\n");
            stream.Append($"reset refs/tags/c{i}\nfrom :{i + 1}\n\n");
        }
        return stream.ToString();
    }

    public Task<string> CommitAsync(string tag) => Git.RunAsync(["rev-parse", tag], CancellationToken.None).ContinueWith(t => t.Result.Trim());

    public void Dispose() => Directory.Delete(Git.Directory, recursive: true);
}
