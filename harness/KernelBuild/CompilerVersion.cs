namespace Harness.KernelBuild;

/// <summary>The compiler the kernel's Makefile will pick (CC defaults to gcc), as part of the cache key.</summary>
static class CompilerVersion
{
    public static async Task<string> FirstLineAsync(CancellationToken cancellationToken)
    {
        var output = await BuildTool.RunAsync("gcc", ["--version"], null, cancellationToken);
        return output.Split('\n')[0].Trim();
    }
}
