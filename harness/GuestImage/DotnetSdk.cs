using Harness.Processes;

namespace Harness.GuestImage;

/// <summary>The SDK that would publish the guest: a different SDK can produce a different binary.</summary>
internal static class DotnetSdk
{
    /// <summary>The SDK's first-run banner and telemetry notice stay out of its output (and the guest's build log).</summary>
    public static IReadOnlyDictionary<string, string?> Quiet { get; } =
        new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    /// <summary><c>dotnet --version</c> run in the repository, so global.json picks the SDK.</summary>
    public static async Task<string> GetVersionAsync(string repoRoot, CancellationToken ct)
    {
        var result = await Tool.RunAsync(new ToolCommand("dotnet", ["--version"], repoRoot, Quiet), ct);
        if (result.ExitCode != 0)
            throw new GuestBuildException($"dotnet --version failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        return result.StandardOutput.Trim();
    }
}
