using Harness.Processes;

namespace Harness.Bisect;

/// <summary>
/// A git work tree, driven through git's own command line (argument lists, never a shell): the
/// bisect needs only rev-parse, log, checkout and bisect, and git's porcelain is what a user would
/// type to check on it.
/// </summary>
public sealed class GitTree(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Runs git and returns its standard output.</summary>
    /// <exception cref="GitException">git exited non-zero; the message has its last line of error.</exception>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(arguments, cancellationToken);
        if (result.ExitCode != 0)
            throw new GitException($"git {string.Join(' ', arguments)} failed with status {result.ExitCode}: {result.LineThatMatters ?? "no output"}");
        return result.StandardOutput;
    }

    /// <summary>Runs git where a non-zero status is an answer (is-ancestor, verify), not a failure.</summary>
    public async Task<ToolResult> TryRunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await Tool.RunAsync(new ToolCommand("git", ["-C", Directory, .. arguments], Environment: GitEnvironment), cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Prerequisites.PrerequisiteException("git not found: install git");
        }
    }

    /// <summary>A user's pager or editor must never hold the bisect, and messages are parsed in English.</summary>
    static readonly IReadOnlyDictionary<string, string?> GitEnvironment =
        new Dictionary<string, string?> { ["GIT_PAGER"] = "cat", ["GIT_EDITOR"] = "true", ["LC_ALL"] = "C" };

    /// <summary>The full hash of a revision that names a commit; null when it names none.</summary>
    public async Task<string?> ResolveCommitAsync(string revision, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], cancellationToken);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    public async Task<string> HeadAsync(CancellationToken cancellationToken) =>
        (await RunAsync(["rev-parse", "HEAD"], cancellationToken)).Trim();
}
