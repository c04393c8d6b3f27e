using CliWrap;
using CliWrap.Buffered;

namespace Harness.KernelBuild;

/// <summary>Runs the short helper programs of a build (tar, cp, patch, gcc) and turns failures into one line.</summary>
static class BuildTool
{
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null)
            command = command.WithWorkingDirectory(workingDirectory);
        var result = await command.ExecuteBufferedAsync(cancellationToken);
        if (result.ExitCode != 0)
            throw new KernelBuildException($"{program} {string.Join(' ', arguments)} failed with status {result.ExitCode}: {LastLine(result.StandardError, result.StandardOutput)}");
        return result.StandardOutput;
    }

    // The first text with any output wins: a tool's error goes to stderr, but patch reports failed hunks on stdout.
    static string LastLine(params string[] texts) =>
        texts.Select(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault())
            .FirstOrDefault(line => line is not null) ?? "no output";
}
