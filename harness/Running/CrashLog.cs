using System.Globalization;

namespace Harness.Running;

/// <summary>
/// Where the stack trace of a harness bug goes: a file the one-line message names, so a user can
/// attach it to a report without the terminal or a CI log ever showing a dump.
/// </summary>
public static class CrashLog
{
    /// <summary>Writes the details into <paramref name="directory"/> and returns what the user is told about them.</summary>
    public static string Write(Exception exception, IReadOnlyList<string> arguments, string directory, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"harness-crash-{stamp}-{Environment.ProcessId}.log");
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, string.Join(Environment.NewLine,
                $"harness {HarnessVersion.Current} crashed at {now:O}",
                $"arguments: {string.Join(' ', arguments)}",
                "",
                exception.ToString(),
                ""));
            return $"details in {path}";
        }
        // Writing may fail for the very reason the run did (a full /tmp): the user still gets the line.
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return $"the details could not be saved ({failure.Message.ReplaceLineEndings(" ")}); run again with HARNESS_DEBUG=1 to print them";
        }
    }
}
