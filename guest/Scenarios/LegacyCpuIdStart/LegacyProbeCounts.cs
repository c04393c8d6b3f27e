using Protocol;

namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>The counters of the legacy probe, in the order the counters line shows them.</summary>
/// <param name="PinnedCpu">The CPU the probe pinned itself to; -1 when it did not get that far.</param>
/// <param name="RseqLength">The rseq_len of the probe's own registration (32: ABI v1); 0 when it made none, and then not shown.</param>
internal sealed record LegacyProbeCounts(
    long Sleeps,
    long SwitchedSleeps,
    long SentinelSurvived,
    long WrongCpuRewrites,
    int PinnedCpu,
    long ElapsedMs,
    int RseqLength = 0)
{
    public IReadOnlyList<KeyValuePair<string, long>> ToCounters() =>
    [
        new(CounterNames.Sleeps, Sleeps),
        new(CounterNames.SwitchedSleeps, SwitchedSleeps),
        new(CounterNames.SentinelSurvived, SentinelSurvived),
        new(CounterNames.WrongCpuRewrites, WrongCpuRewrites),
        new(CounterNames.PinnedCpu, PinnedCpu),
        new(CounterNames.ElapsedMs, ElapsedMs),
        .. (RseqLength > 0 ? (KeyValuePair<string, long>[])[new(CounterNames.RseqLength, RseqLength)] : []),
    ];

    /// <summary>Reads the counters back by name; null when one is missing.</summary>
    public static LegacyProbeCounts? FromCounters(IReadOnlyDictionary<string, long> counters)
    {
        if (!counters.TryGetValue(CounterNames.Sleeps, out var sleeps)
            || !counters.TryGetValue(CounterNames.SwitchedSleeps, out var switched)
            || !counters.TryGetValue(CounterNames.SentinelSurvived, out var survived)
            || !counters.TryGetValue(CounterNames.WrongCpuRewrites, out var wrong)
            || !counters.TryGetValue(CounterNames.PinnedCpu, out var pinned)
            || !counters.TryGetValue(CounterNames.ElapsedMs, out var elapsed))
            return null;
        // Optional: a probe that registered nothing reports no length.
        var length = counters.TryGetValue(CounterNames.RseqLength, out var registered) ? (int)registered : 0;
        return new LegacyProbeCounts(sleeps, switched, survived, wrong, (int)pinned, elapsed, length);
    }
}
