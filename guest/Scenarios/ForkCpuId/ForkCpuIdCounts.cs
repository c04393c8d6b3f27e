using Protocol;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>The counters of one fork_cpu_id run, in the order the counters line shows them.</summary>
internal sealed record ForkCpuIdCounts(
    long Forks,
    long CrossCpuStarts,
    long StaleChildren,
    long ResolvedMismatches,
    long FailedChildren,
    int Cpus,
    long ElapsedMs,
    long SegvChildren = 0,
    long NegativeCpuIds = 0)
{
    public IReadOnlyList<KeyValuePair<string, long>> ToCounters() =>
    [
        new(CounterNames.Forks, Forks),
        new(CounterNames.CrossCpuStarts, CrossCpuStarts),
        new(CounterNames.StaleChildren, StaleChildren),
        new(CounterNames.ResolvedMismatches, ResolvedMismatches),
        new(CounterNames.FailedChildren, FailedChildren),
        new(CounterNames.Cpus, Cpus),
        new(CounterNames.ElapsedMs, ElapsedMs),
        new(CounterNames.SegvChildren, SegvChildren),
        new(CounterNames.NegativeCpuIds, NegativeCpuIds),
    ];
}
