using Protocol;

namespace Harness.Judging;

/// <summary>
/// Reads the guest's KTAP stream. Counters and evidence lines come before the result line of their
/// scenario, so they are gathered by scenario name and attached when its result line arrives. Lines
/// before the version line are ignored (a serial port can carry noise from firmware).
/// </summary>
public static class GuestReportReader
{
    public static GuestReport Read(IEnumerable<string> lines)
    {
        var started = false;
        int? plan = null;
        int? exitCode = null;
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        var counters = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        var evidence = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var scenarios = new List<ScenarioReport>();
        var unread = new List<string>();
        var garbled = new List<string>();

        foreach (var rawLine in lines)
        {
            var line = rawLine.TrimEnd('\r', '\n');
            if (!started)
            {
                if (KtapLines.IsVersion(line))
                    started = true;
                else if (line.Trim().Length > 0)
                    unread.Add(line);
                continue;
            }

            if (exitCode is not null)
            {
                // Anything after the final line cannot belong to the verdict.
                if (line.Trim().Length > 0)
                    unread.Add(line);
            }
            else if (KtapLines.TryParseDone(line, out var code))
                exitCode = code;
            else if (KtapLines.TryParsePlan(line, out var count) && plan is null)
                plan = count;
            else if (KtapLines.TryParseInfo(line, out var key, out var value))
                info[key] = value;
            else if (KtapLines.TryParseCounters(line, out var scenario, out var values))
                counters[scenario] = values;
            else if (KtapLines.TryParseEvidence(line, out var evidenceScenario, out var text))
            {
                if (!evidence.TryGetValue(evidenceScenario, out var list))
                    evidence[evidenceScenario] = list = [];
                list.Add(text);
            }
            else if (KtapLines.TryParseResult(line, out var result))
                scenarios.Add(new ScenarioReport(
                    result.Name,
                    result.Verdict,
                    result.Reason,
                    counters.GetValueOrDefault(result.Name) ?? new Dictionary<string, long>(),
                    evidence.GetValueOrDefault(result.Name) ?? []));
            else if (!line.StartsWith('#') && line.Trim().Length > 0)
            {
                // Inside the stream only the guest writes, and only protocol lines: anything else
                // is damage on the line, and the lines around it cannot be vouched for either.
                unread.Add(line);
                garbled.Add(line);
            }
        }

        return new GuestReport(started, plan, exitCode, info, scenarios, unread, garbled);
    }
}
