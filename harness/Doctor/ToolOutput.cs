using Harness.Processes;

namespace Harness.Doctor;

/// <summary>Runs a host program for its version line, the evidence a check shows.</summary>
public static class ToolOutput
{
    /// <summary>The first non-empty line <paramref name="program"/> prints, or null when it cannot be started.</summary>
    public static async Task<string?> FirstLineAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var result = await Tool.TryRunAsync(program, arguments, workingDirectory: null, ct);
        return result is null ? null : OutputLines.First(result.StandardOutput, result.StandardError);
    }
}
