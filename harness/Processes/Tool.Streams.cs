using System.Text;
using CliWrap;

namespace Harness.Processes;

public static partial class Tool
{
    /// <summary>
    /// Runs <paramref name="command"/> and hands each line of its output to a callback as it comes, for
    /// a long program whose progress is shown (make, dotnet publish); the callbacks may run concurrently.
    /// </summary>
    /// <returns>The exit status.</returns>
    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started (not installed).</exception>
    public static Task<int> RunLineByLineAsync(ToolCommand command, Action<string> onOutputLine, Action<string> onErrorLine, CancellationToken ct) =>
        ExecuteAsync(command, PipeTarget.ToDelegate(onOutputLine), PipeTarget.ToDelegate(onErrorLine), ct);

    /// <summary>
    /// Runs <paramref name="command"/> with its standard output read as bytes by <paramref name="readOutput"/>
    /// (dpkg-deb's tar stream); stderr is kept whole. The reader must read to the end, or the program
    /// may die of a broken pipe.
    /// </summary>
    /// <returns>The exit status and stderr (the result's StandardOutput is empty).</returns>
    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started (not installed).</exception>
    public static async Task<ToolResult> RunReadingOutputAsync(ToolCommand command, Func<Stream, CancellationToken, Task> readOutput, CancellationToken ct)
    {
        var errors = new StringBuilder();
        var exitCode = await ExecuteAsync(command, PipeTarget.Create(readOutput), PipeTarget.ToStringBuilder(errors), ct);
        return new ToolResult(exitCode, "", errors.ToString());
    }
}
