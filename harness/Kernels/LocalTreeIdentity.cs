using System.Security.Cryptography;
using System.Text;
using Harness.Processes;

namespace Harness.Kernels;

/// <summary>
/// Names a source directory for the build cache. A git work tree is its HEAD commit, plus a hash of
/// <c>git diff HEAD</c> when it has changes to tracked files (untracked files do not count). Any
/// other directory is its path and the newest modification time of its files, so an edit makes a new
/// identity (and a fresh build tree) rather than a stale image.
/// </summary>
public static class LocalTreeIdentity
{
    public static async Task<string> ComputeAsync(string directory, CancellationToken ct)
    {
        var head = await GitAsync(directory, ["rev-parse", "HEAD"], ct);
        if (head is null)
            return $"tree:{directory}@{NewestWrite(directory):O}";
        var diff = await GitAsync(directory, ["diff", "HEAD", "--binary"], ct) ?? "";
        return diff.Length == 0
            ? $"git:{head.Trim()}"
            : $"git:{head.Trim()}+dirty:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(diff)))[..16]}";
    }

    // Null when the folder is not a git work tree or git is not installed.
    static async Task<string?> GitAsync(string directory, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var result = await Tool.TryRunAsync("git", ["-C", directory, .. arguments], workingDirectory: null, ct);
        return result?.ExitCode == 0 ? result.StandardOutput : null;
    }

    static DateTime NewestWrite(string directory) =>
        new DirectoryInfo(directory)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Select(f => f.LastWriteTimeUtc)
            .DefaultIfEmpty(Directory.GetLastWriteTimeUtc(directory))
            .Max();
}
