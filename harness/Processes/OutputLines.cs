namespace Harness.Processes;

/// <summary>
/// The line of a program's output that says what happened, picked the same way everywhere a tool's
/// failure or version becomes one line of the harness's own.
/// </summary>
public static class OutputLines
{
    /// <summary>The first non-empty line (trimmed) of the first text that has one: a version line, a first error.</summary>
    public static string? First(params string[] texts) =>
        texts.Select(text => Lines(text).FirstOrDefault()).FirstOrDefault(line => line is not null);

    /// <summary>
    /// The last non-empty line of the first text that has one: a tool's error goes to stderr, but
    /// patch reports failed hunks on stdout, so the caller names stderr first and stdout after it.
    /// </summary>
    public static string? Last(params string[] texts) =>
        texts.Select(text => Lines(text).LastOrDefault()).FirstOrDefault(line => line is not null);

    static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
