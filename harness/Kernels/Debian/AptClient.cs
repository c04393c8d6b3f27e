using System.ComponentModel;
using Harness.Processes;

namespace Harness.Kernels.Debian;

/// <summary>apt-get and apt-cache, run against a private state directory only.</summary>
public sealed class AptClient(PrivateAptState state)
{
    public async Task UpdateAsync(CancellationToken ct)
    {
        // Without --error-on=any, apt-get update exits 0 when the mirror is unreachable and only warns.
        var result = await RunAsync("apt-get", ["--error-on=any", "update"], workingDirectory: null, ct);
        if (result.ExitCode != 0)
            throw new KernelAcquisitionException(
                $"apt-get update for {state.Suite} failed: {AptDiagnostics.FirstProblem(result.StandardError, result.ExitCode)}");
    }

    /// <summary>The record <c>apt-cache show</c> prints for a spec like <c>pkg/suite</c> or <c>pkg=version</c>, or null.</summary>
    public async Task<AptPackageRecord?> ShowAsync(string packageSpec, CancellationToken ct)
    {
        var result = await RunAsync("apt-cache", ["show", packageSpec], workingDirectory: null, ct);
        return AptRecordParser.ParseFirst(result.StandardOutput);
    }

    /// <summary>Downloads one .deb into a directory; apt checks it against the signed index's SHA-256.</summary>
    public async Task DownloadAsync(string package, string version, string directory, CancellationToken ct)
    {
        var result = await RunAsync("apt-get", ["download", $"{package}={version}"], directory, ct);
        if (result.ExitCode != 0)
            throw new KernelAcquisitionException(
                $"downloading {package} {version} failed: {AptDiagnostics.FirstProblem(result.StandardError, result.ExitCode)}");
    }

    private async Task<ToolResult> RunAsync(
        string tool, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken ct)
    {
        IReadOnlyList<string> withState = [.. state.AptOptions().SelectMany(option => new[] { "-o", option }), "-q", .. arguments];
        try
        {
            return await Tool.RunAsync(tool, withState, workingDirectory, ct);
        }
        catch (Win32Exception e)
        {
            throw new KernelAcquisitionException($"cannot run {tool} (Debian kernels need apt on the host): {e.Message}", e);
        }
    }
}
