using Protocol;

namespace Guest.Scenarios.AffinityPin;

/// <summary>The counters of one affinity_pin run, in the order the counters line shows them.</summary>
internal sealed record AffinityPinCounts(
    long Children,
    long CrossCpuStarts,
    long Pins,
    long PinMismatches,
    long FirstPinMismatches,
    long RightOnReread,
    long FailedPins,
    long FailedChildren,
    int Cpus,
    long ElapsedMs,
    long SegvChildren = 0,
    long NegativeCpuIds = 0)
{
    public IReadOnlyList<KeyValuePair<string, long>> ToCounters() =>
    [
        new(CounterNames.Children, Children),
        new(CounterNames.CrossCpuStarts, CrossCpuStarts),
        new(CounterNames.Pins, Pins),
        new(CounterNames.PinMismatches, PinMismatches),
        new(CounterNames.FirstPinMismatches, FirstPinMismatches),
        new(CounterNames.RightOnReread, RightOnReread),
        new(CounterNames.FailedPins, FailedPins),
        new(CounterNames.FailedChildren, FailedChildren),
        new(CounterNames.Cpus, Cpus),
        new(CounterNames.ElapsedMs, ElapsedMs),
        new(CounterNames.SegvChildren, SegvChildren),
        new(CounterNames.NegativeCpuIds, NegativeCpuIds),
    ];
}
