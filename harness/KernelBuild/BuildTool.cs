using CliWrap.Buffered;
using Harness.Processes;

namespace Harness.KernelBuild;

/// <summary>Runs the short helper programs of a build (tar, cp, patch, gcc) and turns failures into one line.</summary>
static class BuildTool
{
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync(program, arguments, workingDirectory, cancellationToken);
        if (result.ExitCode != 0)
            throw new KernelBuildException($"{program} {string.Join(' ', arguments)} failed with status {result.ExitCode}: {LastLine(result.StandardError, result.StandardOutput)}");
        return result.StandardOutput;
    }

    /// <summary>For a program whose failure is an answer (a patch that does not apply): null on success, else its last line.</summary>
    public static async Task<string?> TryRunAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync(program, arguments, workingDirectory, cancellationToken);
        return result.ExitCode == 0 ? null : LastLine(result.StandardError, result.StandardOutput);
    }

    static Task<BufferedCommandResult> ExecuteAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken) =>
        Tool.RunAsync(program, arguments, workingDirectory, cancellationToken);

    static string LastLine(string stderr, string stdout) => OutputLines.Last(stderr, stdout) ?? "no output";
}
