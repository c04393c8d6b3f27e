using System.ComponentModel;
using System.Text;
using CliWrap;

namespace Harness.Processes;

/// <summary>
/// The one way the harness runs a host program other than QEMU: through CliWrap with an argument list
/// (never a shell line), its exit status left to the caller, which knows whether a failure is an answer
/// or an error. Buffered here; line by line or as a byte stream in Tool.Streams.cs.
/// </summary>
public static partial class Tool
{
    /// <summary>Runs <paramref name="command"/> to its end and keeps both outputs whole.</summary>
    /// <exception cref="Win32Exception">The program cannot be started (not installed).</exception>
    public static async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken ct)
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var exitCode = await ExecuteAsync(command, PipeTarget.ToStringBuilder(output), PipeTarget.ToStringBuilder(errors), ct);
        return new ToolResult(exitCode, output.ToString(), errors.ToString());
    }

    /// <inheritdoc cref="RunAsync(ToolCommand, CancellationToken)"/>
    public static Task<ToolResult> RunAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken ct) =>
        RunAsync(new ToolCommand(program, arguments, workingDirectory), ct);

    /// <summary>As <see cref="RunAsync(string, IReadOnlyList{string}, string?, CancellationToken)"/>, but null when the program cannot be started.</summary>
    public static async Task<ToolResult?> TryRunAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken ct)
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

    static async Task<int> ExecuteAsync(ToolCommand command, PipeTarget output, PipeTarget errors, CancellationToken ct)
    {
        var cli = Cli.Wrap(command.Program)
            .WithArguments(command.Arguments)
            .WithStandardOutputPipe(output)
            .WithStandardErrorPipe(errors)
            .WithValidation(CommandResultValidation.None);
        if (command.WorkingDirectory is not null)
            cli = cli.WithWorkingDirectory(command.WorkingDirectory);
        if (command.Environment is { Count: > 0 } environment)
            cli = cli.WithEnvironmentVariables(env =>
            {
                foreach (var (name, value) in environment)
                    env.Set(name, value);
            });
        var result = await cli.ExecuteAsync(ct);
        return result.ExitCode;
    }
}
