using System.Text.RegularExpressions;

namespace Harness.Kernels.Debian;

/// <summary>Boils apt's stderr down to the one line that says what went wrong.</summary>
public static partial class AptDiagnostics
{
    public static string FirstProblem(string stderr, int exitCode)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // apt prints warnings about its sandbox user before the real error; errors win over warnings, and
        // "W: Failed to fetch" is what a network failure looks like when apt only warns.
        var line = lines.FirstOrDefault(l => l.StartsWith("E: ", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(l => l.StartsWith("W: Failed to fetch", StringComparison.Ordinal))
            ?? lines.LastOrDefault();
        if (line is null)
            return $"exit code {exitCode}";
        var withoutSeverity = SeverityPrefix().Replace(line, "");
        return Whitespace().Replace(withoutSeverity, " ");
    }

    [GeneratedRegex(@"^[EWN]: ")]
    private static partial Regex SeverityPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
