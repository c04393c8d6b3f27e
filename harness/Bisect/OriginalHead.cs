namespace Harness.Bisect;

/// <summary>
/// Where the tree was before the bisect: its branch, or the commit of a detached HEAD. Restored at
/// the end, on an error and on Ctrl-C, so a bisect never leaves the user's tree somewhere else.
/// </summary>
public sealed record OriginalHead(string? Branch, string Commit)
{
    public string Describe() => Branch is null ? $"detached HEAD at {Commit[..12]}" : $"branch {Branch} ({Commit[..12]})";

    public static async Task<OriginalHead> ReadAsync(GitTree git, CancellationToken cancellationToken)
    {
        var branch = await git.TryRunAsync(["symbolic-ref", "-q", "--short", "HEAD"], cancellationToken);
        return new(branch.ExitCode == 0 ? branch.StandardOutput.Trim() : null, await git.HeadAsync(cancellationToken));
    }

    /// <summary>Ends a bisect in progress (git's own reset) and checks the branch or commit out again.</summary>
    public async Task RestoreAsync(GitTree git, CancellationToken cancellationToken)
    {
        var target = Branch ?? Commit;
        if (await BisectInProgressAsync(git, cancellationToken))
            await git.RunAsync(["bisect", "reset", target], cancellationToken);
        else
            await git.RunAsync(["checkout", "-q", target], cancellationToken);
    }

    public static async Task<bool> BisectInProgressAsync(GitTree git, CancellationToken cancellationToken)
    {
        var path = (await git.RunAsync(["rev-parse", "--git-path", "BISECT_START"], cancellationToken)).Trim();
        return File.Exists(Path.IsPathRooted(path) ? path : Path.Combine(git.Directory, path));
    }
}
