namespace Harness.Processes;

/// <summary>
/// A host program to run: its name or path, its arguments as a list (never one shell line), where it
/// runs, and the environment variables it gets changed (a null value removes one it would inherit).
/// </summary>
public sealed record ToolCommand(
    string Program,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string?>? Environment = null)
{
    /// <summary>The command as a user would type it, for messages (not for a shell).</summary>
    public override string ToString() => Arguments.Count == 0 ? Program : $"{Program} {string.Join(' ', Arguments)}";
}
