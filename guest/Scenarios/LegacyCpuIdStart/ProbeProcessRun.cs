namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>How the probe process ended and what it wrote.</summary>
/// <param name="ExitCode">null when it was killed for outliving its timeout.</param>
internal sealed record ProbeProcessRun(int? ExitCode, string Output, string Errors)
{
    /// <summary>Why the run cannot be trusted, or null when the process exited with status 0.</summary>
    public string? Failure => ExitCode switch
    {
        0 => null,
        null => "timed out and was killed",
        var code => $"exit status {code}{(Errors.Length > 0 ? $": {LastLine(Errors)}" : "")}",
    };

    static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
