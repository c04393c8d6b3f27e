using CliWrap;
using CliWrap.Buffered;

namespace Harness.GuestImage;

/// <summary>The SDK that would publish the guest: a different SDK can produce a different binary.</summary>
internal static class DotnetSdk
{
    /// <summary><c>dotnet --version</c> run in the repository, so global.json picks the SDK.</summary>
    public static async Task<string> GetVersionAsync(string repoRoot, CancellationToken ct)
    {
        var result = await Cli.Wrap("dotnet")
            .WithArguments(args => args.Add("--version"))
            .WithWorkingDirectory(repoRoot)
            .WithEnvironmentVariables(env => env.Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1").Set("DOTNET_NOLOGO", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct);
        if (result.ExitCode != 0)
            throw new GuestBuildException($"dotnet --version failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        return result.StandardOutput.Trim();
    }
}
