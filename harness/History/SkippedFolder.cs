namespace Harness.History;

/// <summary>A folder of the results folder that the history leaves out, and why (shown under the table and on stderr).</summary>
public sealed record SkippedFolder(string Name, string Why);
