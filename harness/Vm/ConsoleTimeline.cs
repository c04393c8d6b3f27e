using Harness.GuestImage;
using Protocol;

namespace Harness.Vm;

/// <summary>
/// The console lines (1-based, as <see cref="ConsoleFinding.LineNumber"/>) on which /init started
/// the guest, each scenario began and ended, and the guest finished. The kernel logs these markers
/// and its own messages in one sequence, so a finding's line number says when it happened.
/// </summary>
/// <param name="GuestStart">/init's "running /bin/guest" line.</param>
/// <param name="GuestDone">The guest's done marker, written after its stream's final line.</param>
/// <param name="GuestExited">/init's "guest exited with status" line.</param>
public sealed record ConsoleTimeline(int? GuestStart, IReadOnlyList<ScenarioSpan> Scenarios, int? GuestDone, int? GuestExited)
{
    public static ConsoleTimeline None { get; } = new(null, [], null, null);

    /// <summary>Whether the guest wrote any marker; without one nothing can be placed (<see cref="ConsoleWindow.Unmarked"/>).</summary>
    public bool HasMarkers => Scenarios.Count > 0 || GuestDone is not null;

    /// <summary>The last line of the guest's own life: its done marker, else /init's account of its exit.</summary>
    public int? GuestEnd => GuestDone ?? GuestExited;

    // The spans are a list: compare them by content, as the rest of the record is.
    public bool Equals(ConsoleTimeline? other) =>
        other is not null && GuestStart == other.GuestStart && GuestDone == other.GuestDone && GuestExited == other.GuestExited
        && Scenarios.SequenceEqual(other.Scenarios);

    public override int GetHashCode() => HashCode.Combine(GuestStart, GuestDone, GuestExited, Scenarios.Count);

    public FindingPlace Place(ConsoleFinding finding)
    {
        var line = finding.LineNumber;
        if (!HasMarkers)
            return new FindingPlace(line, ConsoleWindow.Unmarked);
        // Without /init's line (it could not reach the console) the first marker bounds the boot.
        var guestStart = GuestStart ?? Scenarios.Select(s => s.Begin).Append(GuestDone ?? int.MaxValue).Min();
        if (line < guestStart)
            return new FindingPlace(line, ConsoleWindow.Boot);
        if (GuestEnd is { } end && line > end)
            return new FindingPlace(line, ConsoleWindow.AfterGuest);
        for (var index = 0; index < Scenarios.Count; index++)
        {
            var span = Scenarios[index];
            // A scenario with no end marker (the guest died in it, or the VM ended) lasts until
            // the next marker, the guest's end, or the end of the log.
            var until = span.End ?? (index + 1 < Scenarios.Count ? Scenarios[index + 1].Begin : GuestEnd ?? int.MaxValue);
            if (line > span.Begin && line < until)
                return new FindingPlace(line, ConsoleWindow.Scenario, span.Scenario);
        }
        var before = Scenarios.LastOrDefault(s => s.End is { } ended && ended < line);
        return new FindingPlace(line, ConsoleWindow.BetweenScenarios, before?.Scenario);
    }

    /// <summary>Reads the markers of a console log, in order.</summary>
    public static ConsoleTimeline Read(IEnumerable<string> lines)
    {
        int? guestStart = null, done = null, exited = null;
        var spans = new List<ScenarioSpan>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            var message = ConsoleScanner.Message(line);
            // Contains, as GuestConsole reads them: /init's fallback echo may share a line.
            if (guestStart is null && message.Contains(InitScript.GuestStartMarker, StringComparison.Ordinal))
                guestStart = lineNumber;
            else if (message.Contains(InitScript.GuestExitMarker, StringComparison.Ordinal))
                exited ??= lineNumber;
            else if (ConsoleMarkers.TryParse(message, out var marker))
            {
                switch (marker.Kind)
                {
                    case ConsoleMarkerKind.Begin:
                        spans.Add(new ScenarioSpan(marker.Scenario!, lineNumber, null));
                        break;
                    case ConsoleMarkerKind.End when spans.FindLastIndex(s => s.Scenario == marker.Scenario && s.End is null) is var open and >= 0:
                        spans[open] = spans[open] with { End = lineNumber };
                        break;
                    case ConsoleMarkerKind.Done:
                        done ??= lineNumber;
                        break;
                }
            }
        }
        return new ConsoleTimeline(guestStart, spans, done, exited);
    }
}

/// <summary>One scenario's begin and end marker lines; End is null when the scenario never ended.</summary>
public sealed record ScenarioSpan(string Scenario, int Begin, int? End);
