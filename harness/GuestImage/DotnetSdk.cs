using Harness.Prerequisites;
using Harness.Processes;
using Harness.Storage;

namespace Harness.GuestImage;

/// <summary>The SDK that would publish the guest: a different SDK can produce a different binary.</summary>
internal static class DotnetSdk
{
    public const string Muxer = "dotnet";

    /// <summary>The SDK's first-run banner and telemetry notice stay out of its output (and the guest's build log).</summary>
    public static IReadOnlyDictionary<string, string?> Quiet { get; } =
        new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    /// <summary><c>dotnet --version</c> run in the repository, so global.json picks the SDK.</summary>
    /// <exception cref="GuestBuildException">dotnet answered with a failure (most often: global.json's SDK is not installed).</exception>
    public static Task<string> GetVersionAsync(string repoRoot, CancellationToken ct) => AskAsync(Muxer, repoRoot, ct);

    /// <summary>
    /// The same answer, kept in <paramref name="cache"/> under what decides it (<see cref="DotnetSdkCacheKey"/>):
    /// the muxer takes 0.2 s to say it, on every run, for the guest image's content hash.
    /// </summary>
    /// <param name="muxer">The dotnet to ask: a bare name is looked up on PATH.</param>
    public static async Task<string> GetVersionAsync(string repoRoot, ToolVersionCache cache, CancellationToken ct, string muxer = Muxer)
    {
        // The file the key describes is the one asked, so an answer is never kept under another file's key.
        var resolved = PathSearch.Resolve(muxer);
        var key = resolved is null ? null : DotnetSdkCacheKey.TryCompute(resolved, repoRoot, Environment.GetEnvironmentVariables());
        return await cache.GetAsync(key, token => AskAsync(resolved ?? muxer, repoRoot, token), ct);
    }

    static async Task<string> AskAsync(string muxer, string repoRoot, CancellationToken ct)
    {
        var result = await Tool.RunAsync(new ToolCommand(muxer, ["--version"], repoRoot, Quiet), ct);
        if (result.ExitCode != 0)
            throw new GuestBuildException($"dotnet --version failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        return result.StandardOutput.Trim();
    }
}
