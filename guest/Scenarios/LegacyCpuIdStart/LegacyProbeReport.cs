using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>
/// What the probe process reports to the guest that started it, on its standard output. It reuses
/// the KTAP counters and evidence lines, plus a result line when the probe could not register a
/// 32-byte area (SKIP when the kernel lacks rseq, FAIL when it refused, ERROR when the probe could
/// not try), so the parent parses it with the tested protocol code.
/// </summary>
/// <param name="Unavailable">Why no 32-byte registration could be made; null when the probe ran.</param>
internal sealed record LegacyProbeReport(LegacyProbeCounts Counts, RseqProblem? Unavailable, IReadOnlyList<string> Evidence)
{
    const string Name = ScenarioNames.LegacyCpuIdStart;

    public IEnumerable<string> ToLines()
    {
        yield return KtapLines.Counters(Name, Counts.ToCounters());
        foreach (var line in Evidence.Take(ScenarioOutcome.MaxEvidenceLines))
            yield return KtapLines.Evidence(Name, line);
        if (Unavailable is not null)
            yield return KtapLines.Result(1, Name, Unavailable.Verdict, Unavailable.Reason);
    }

    /// <summary>The report in the probe's output; null when it has no complete counters line.</summary>
    public static LegacyProbeReport? Parse(IEnumerable<string> lines)
    {
        LegacyProbeCounts? counts = null;
        RseqProblem? unavailable = null;
        var evidence = new List<string>();
        foreach (var line in lines)
        {
            if (KtapLines.TryParseCounters(line, out var scenario, out var counters) && scenario == Name)
                counts = LegacyProbeCounts.FromCounters(counters);
            else if (KtapLines.TryParseEvidence(line, out scenario, out var text) && scenario == Name)
                evidence.Add(text);
            else if (KtapLines.TryParseResult(line, out var result) && result.Verdict != ScenarioVerdict.Pass)
                unavailable = new RseqProblem(result.Verdict, result.Reason ?? "");
        }
        return counts is null ? null : new LegacyProbeReport(counts, unavailable, evidence);
    }
}
