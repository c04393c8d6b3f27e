namespace Harness.Bisect;

/// <summary>What a tree must be before anything is built or checked out in it.</summary>
public static class KernelTreeCheck
{
    /// <summary>A git work tree with a kernel at its top (Makefile, kernel/, arch/x86).</summary>
    /// <exception cref="BisectInputException">It is not.</exception>
    public static async Task<GitTree> OpenAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
            throw new BisectInputException($"{directory} does not exist");
        var probe = new GitTree(directory);
        var top = await probe.TryRunAsync(["rev-parse", "--show-toplevel"], cancellationToken);
        if (top.ExitCode != 0)
            throw new BisectInputException($"{probe.Directory} is not a git work tree");
        var git = new GitTree(top.StandardOutput.Trim());
        if (!File.Exists(Path.Combine(git.Directory, "Makefile")) || !Directory.Exists(Path.Combine(git.Directory, "kernel"))
            || !Directory.Exists(Path.Combine(git.Directory, "arch", "x86")))
            throw new BisectInputException($"{git.Directory} is not a kernel tree (no Makefile, kernel/ and arch/x86/ at its top)");
        return git;
    }

    /// <summary>
    /// Ready to be checked out commit by commit: no bisect already going (it would be clobbered) and
    /// no changes to tracked files (a checkout would carry them along, or refuse).
    /// </summary>
    public static async Task EnsureReadyForBisectAsync(GitTree git, CancellationToken cancellationToken)
    {
        if (await OriginalHead.BisectInProgressAsync(git, cancellationToken))
            throw new BisectInputException($"a git bisect is already in progress in {git.Directory}; finish it or run 'git bisect reset' first");
        var changes = await git.RunAsync(["status", "--porcelain", "--untracked-files=no"], cancellationToken);
        if (changes.Trim().Length > 0)
            throw new BisectInputException($"{git.Directory} has uncommitted changes; commit or stash them first");
    }
}
