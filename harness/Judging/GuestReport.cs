namespace Harness.Judging;

/// <summary>The guest's result stream, read back.</summary>
/// <param name="Started">The stream's version line was seen.</param>
/// <param name="PlannedCount">The plan's count, when a plan line was seen.</param>
/// <param name="GuestExitCode">The exit code of the final line; null when the stream never reached its end.</param>
/// <param name="Info">The guest's <c># info key=value</c> lines.</param>
/// <param name="Scenarios">One report per result line, in stream order.</param>
/// <param name="UnreadLines">Lines that are not part of the protocol (garbage, noise), kept for the record.</param>
/// <param name="GarbledLines">The unread lines that came between the version line and the final line, where only the guest writes.</param>
public sealed record GuestReport(
    bool Started,
    int? PlannedCount,
    int? GuestExitCode,
    IReadOnlyDictionary<string, string> Info,
    IReadOnlyList<ScenarioReport> Scenarios,
    IReadOnlyList<string> UnreadLines,
    IReadOnlyList<string> GarbledLines)
{
    /// <summary>Only a stream that began, planned, and ended can be trusted; a missing end is never a PASS.</summary>
    public bool IsComplete => Started && PlannedCount is not null && GuestExitCode is not null;

    public string? InfoValue(string key) => Info.TryGetValue(key, out var value) ? value : null;
}
