using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace Harness.Doctor;

/// <summary>Runs a host program for its version line, the evidence a check shows.</summary>
public static class ToolOutput
{
    /// <summary>The first non-empty line <paramref name="program"/> prints, or null when it cannot be started.</summary>
    public static async Task<string?> FirstLineAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        try
        {
            var result = await Cli.Wrap(program)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(ct);
            return $"{result.StandardOutput}\n{result.StandardError}".Split('\n')
                .Select(line => line.Trim())
                .FirstOrDefault(line => line.Length > 0);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
