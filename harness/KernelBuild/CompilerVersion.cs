using Harness.Prerequisites;
using Harness.Storage;

namespace Harness.KernelBuild;

/// <summary>The compiler the kernel's Makefile will pick (CC defaults to gcc), as part of the cache key.</summary>
static class CompilerVersion
{
    const string Compiler = "gcc";

    /// <summary>
    /// gcc's first <c>--version</c> line, kept in the cache's <see cref="ToolVersionCache"/> under the
    /// driver binary's identity: the line is compiled into the driver, and a gcc upgrade rewrites it.
    /// Each built kernel of a warm run asked gcc once (tens of milliseconds of every run's acquisition).
    /// </summary>
    public static Task<string> FirstLineAsync(string cacheRoot, CancellationToken cancellationToken) =>
        FirstLineAsync(Compiler, cacheRoot, cancellationToken);

    /// <param name="compiler">gcc, or in tests a script standing in for it.</param>
    internal static async Task<string> FirstLineAsync(string compiler, string cacheRoot, CancellationToken cancellationToken)
    {
        // The binary the key describes is the one asked, so an answer is never kept under another file's key.
        var binary = PathSearch.Resolve(compiler);
        var identity = binary is null ? null : FileIdentity.TryRead(binary);
        return await new ToolVersionCache(cacheRoot).GetAsync(identity is null ? null : ["gcc --version", identity.ToString()],
            token => AskAsync(binary ?? compiler, token), cancellationToken);
    }

    static async Task<string> AskAsync(string program, CancellationToken cancellationToken)
    {
        var output = await BuildTool.RunAsync(program, ["--version"], null, cancellationToken);
        return output.Split('\n')[0].Trim();
    }
}
