using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace Harness.Processes;

/// <summary>
/// Runs a short host program through CliWrap with an argument list (never a shell line), buffered,
/// its exit status left to the caller, which knows whether a failure is an answer or an error.
/// </summary>
public static class Tool
{
    /// <exception cref="Win32Exception">The program cannot be started (not installed).</exception>
    public static async Task<BufferedCommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken ct)
    {
        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null)
            command = command.WithWorkingDirectory(workingDirectory);
        return await command.ExecuteBufferedAsync(ct);
    }

    /// <summary>As <see cref="RunAsync"/>, but null when the program cannot be started.</summary>
    public static async Task<BufferedCommandResult?> TryRunAsync(
        string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken ct)
    {
        try
        {
            return await RunAsync(program, arguments, workingDirectory, ct);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
