using Harness.Processes;

namespace Harness.GuestImage;

/// <summary>Finds the host's shared libraries a dynamically linked binary needs, with <c>ldd</c>.</summary>
public sealed class SharedLibraryResolver
{
    /// <summary>The libraries of <paramref name="binaryPath"/>; empty for a static binary.</summary>
    /// <exception cref="GuestBuildException">ldd failed or a library is missing on the host.</exception>
    public async Task<IReadOnlyList<SharedLibrary>> ResolveAsync(string binaryPath, CancellationToken ct)
    {
        var result = await Tool.RunAsync("ldd", [binaryPath], workingDirectory: null, ct);

        var output = result.StandardOutput + result.StandardError;
        if (result.ExitCode != 0)
        {
            // glibc's ldd exits 1 on a static binary; that just means there is nothing to copy.
            if (output.Contains("not a dynamic executable", StringComparison.Ordinal))
                return [];
            throw new GuestBuildException($"ldd {binaryPath} failed (exit code {result.ExitCode}): {output.Trim()}");
        }

        return [.. LddOutput.ParseLibraryPaths(result.StandardOutput).Select(path => new SharedLibrary(path, RealFile(path)))];
    }

    /// <summary>
    /// The loader opens the path ldd printed, which on a merged-/usr host is often a symlink
    /// (/lib64/ld-linux-x86-64.so.2 → /lib/x86_64-linux-gnu/…); the guest gets the real content
    /// at that path instead, so it works without recreating the host's link farm.
    /// </summary>
    internal static string RealFile(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
}
