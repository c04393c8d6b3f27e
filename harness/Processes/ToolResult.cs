namespace Harness.Processes;

/// <summary>What a finished program left: its exit status and its output, whole.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// The line that says why it failed: the last of stderr, else of stdout (patch reports failed
    /// hunks on stdout); null when it printed nothing.
    /// </summary>
    public string? LineThatMatters => OutputLines.Last(StandardError, StandardOutput);
}
