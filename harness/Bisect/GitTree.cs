using CliWrap;
using CliWrap.Buffered;

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
            throw new GitException($"git {string.Join(' ', arguments)} failed with status {result.ExitCode}: {LastLine(result.StandardError, result.StandardOutput)}");
        return result.StandardOutput;
    }

    /// <summary>Runs git where a non-zero status is an answer (is-ancestor, verify), not a failure.</summary>
    public async Task<BufferedCommandResult> TryRunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await Cli.Wrap("git")
                .WithArguments(["-C", Directory, .. arguments])
                // A user's pager or editor must never hold the bisect, and messages are parsed in English.
                .WithEnvironmentVariables(env => env.Set("GIT_PAGER", "cat").Set("GIT_EDITOR", "true").Set("LC_ALL", "C"))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Prerequisites.PrerequisiteException("git not found: install git");
        }
    }

    /// <summary>The full hash of a revision that names a commit; null when it names none.</summary>
    public async Task<string?> ResolveCommitAsync(string revision, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], cancellationToken);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    public async Task<string> HeadAsync(CancellationToken cancellationToken) =>
        (await RunAsync(["rev-parse", "HEAD"], cancellationToken)).Trim();

    static string LastLine(string stderr, string stdout) => Processes.OutputLines.Last(stderr, stdout) ?? "no output";
}
