namespace Harness.Reports;

/// <summary>
/// A folder <c>harness report</c> cannot render: not there, not a folder, no run.json, or a run.json
/// it cannot read. The message is one line naming the file (with line and column for bad JSON).
/// </summary>
public sealed class RunFolderException(string message) : Exception(message);
