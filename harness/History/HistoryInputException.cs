namespace Harness.History;

/// <summary>
/// The folders given to <c>history</c> or <c>compare</c> cannot be read as runs: a folder that does
/// not exist, a run folder without run.json, a run.json that is not one. The message is one line
/// naming the file (and its line and column when the JSON reader knows them).
/// </summary>
public sealed class HistoryInputException(string message) : Exception(message);
