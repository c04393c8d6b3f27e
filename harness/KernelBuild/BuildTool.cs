using Harness.Processes;

namespace Harness.KernelBuild;

/// <summary>Runs the short helper programs of a build (tar, cp, patch, gcc) and turns failures into one line.</summary>
static class BuildTool
{
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var result = await Tool.RunAsync(program, arguments, workingDirectory, cancellationToken);
        if (result.ExitCode != 0)
            throw new KernelBuildException($"{program} {string.Join(' ', arguments)} failed with status {result.ExitCode}: {LineThatMatters(result)}");
        return result.StandardOutput;
    }

    /// <summary>For a program whose failure is an answer (a patch that does not apply): null on success, else its last line.</summary>
    public static async Task<string?> TryRunAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var result = await Tool.RunAsync(program, arguments, workingDirectory, cancellationToken);
        return result.ExitCode == 0 ? null : LineThatMatters(result);
    }

    static string LineThatMatters(ToolResult result) => result.LineThatMatters ?? "no output";
}
