using System.ComponentModel;
using Harness.GuestImage;

namespace Harness.Doctor;

/// <summary>The .NET SDK that publishes the guest with NativeAOT: the one global.json selects in the checkout.</summary>
public static class DotnetSdkCheck
{
    public const string Name = "dotnet";
    public const string Package = "dotnet-sdk-10.0";

    public static async Task<CheckResult> RunAsync(string repositoryRoot, CancellationToken ct)
    {
        try
        {
            // Asked afresh, not through the run's ToolVersionCache: the doctor must show the SDK works now
            // (a kept answer outlives a broken runtime or a missing library beside an unchanged muxer).
            var version = await DotnetSdk.GetVersionAsync(repositoryRoot, ct);
            return CheckResult.Ok(Name, $"SDK {version} (selected by {Path.Combine(repositoryRoot, "global.json")})");
        }
        catch (Win32Exception)
        {
            return CheckResult.Missing(Name, "dotnet is not on PATH (the guest is published with it)", Package);
        }
        catch (GuestBuildException e)
        {
            // Most often global.json's SDK band is not installed, though another SDK is.
            return CheckResult.Missing(Name, OneLine(e.Message), Package);
        }
    }

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
