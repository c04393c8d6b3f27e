namespace Protocol;

/// <summary>
/// The lines the guest writes to the kernel log (<c>/dev/kmsg</c>) around each scenario, and how
/// the harness finds them again on the console. They place each kernel bug the console shows in
/// time: before the guest, while one scenario ran, between two, or after the guest finished. Both
/// sides use this one type, so the format cannot drift between them.
/// </summary>
/// <remarks>
/// On the console they read:
/// <code>
/// [    4.210000] rseqh: begin fork_cpu_id
/// [    7.480000] rseqh: end fork_cpu_id
/// [    7.490000] rseqh: done exit=0
/// </code>
/// Position in the console log, not the timestamp, is what counts: the kernel logs a marker and its
/// own messages in one sequence, so their order is the order in which they happened.
/// </remarks>
public static class ConsoleMarkers
{
    const string Prefix = "rseqh: ";
    const string BeginWord = "begin ";
    const string EndWord = "end ";
    const string DoneWord = "done exit=";

    /// <summary>
    /// printk level 3 (err), as the harness's /init uses: it reaches the console even with "quiet",
    /// whose loglevel (4) hides the default level of a /dev/kmsg write.
    /// </summary>
    public const string KernelLogLevel = "<3>";

    /// <summary>Written just before a scenario starts.</summary>
    public static string Begin(string scenario) => Prefix + BeginWord + scenario;

    /// <summary>Written once the scenario's result line is on the result port.</summary>
    public static string End(string scenario) => Prefix + EndWord + scenario;

    /// <summary>Written after the stream's final line: the guest has nothing more to do.</summary>
    public static string Done(int exitCode) => $"{Prefix}{DoneWord}{exitCode}";

    /// <summary>One /dev/kmsg record: the level, the marker, a newline. Each write is one record.</summary>
    public static string KernelLogRecord(string marker) => KernelLogLevel + marker + "\n";

    /// <summary>Reads a console message (timestamp already removed) as a marker.</summary>
    public static bool TryParse(string message, out ConsoleMarker marker)
    {
        marker = default!;
        var trimmed = message.Trim();
        if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var rest = trimmed[Prefix.Length..];
        if (rest.StartsWith(DoneWord, StringComparison.Ordinal))
        {
            marker = new ConsoleMarker(ConsoleMarkerKind.Done, null);
            return true;
        }
        if (TryScenario(rest, BeginWord, out var scenario))
            marker = new ConsoleMarker(ConsoleMarkerKind.Begin, scenario);
        else if (TryScenario(rest, EndWord, out scenario))
            marker = new ConsoleMarker(ConsoleMarkerKind.End, scenario);
        else
            return false;
        return true;
    }

    static bool TryScenario(string rest, string word, out string scenario)
    {
        scenario = rest.StartsWith(word, StringComparison.Ordinal) ? rest[word.Length..].Trim() : "";
        return scenario.Length > 0 && !scenario.Contains(' ');
    }
}

public enum ConsoleMarkerKind
{
    Begin,
    End,
    Done,
}

/// <summary>A marker read from the console; <paramref name="Scenario"/> is null for <see cref="ConsoleMarkerKind.Done"/>.</summary>
public sealed record ConsoleMarker(ConsoleMarkerKind Kind, string? Scenario);
