using Harness.Judging;
using Protocol;

namespace Harness.Reports.Html;

/// <summary>A counter a scenario must reach for its PASS to mean anything, and the least it needs.</summary>
public sealed record StressMinimum(string Counter, long Minimum);

/// <summary>How far one scenario's stress went: its counter that came closest to its minimum.</summary>
public sealed record StressReading(string Counter, long Value, long Minimum)
{
    /// <summary>The value as a multiple of the minimum: 1 is just enough, 10 is the standard depth's aim.</summary>
    public double Multiple => (double)Value / Minimum;
}

/// <summary>
/// The stress minimums the guest's verdicts state (a PASS below them is an ERROR "insufficient
/// stress"), so the report can draw each cell's stress against them. The guest holds them and does
/// not report them; a test in Harness.Tests pins these numbers to the guest's constants so the two
/// cannot drift apart.
/// </summary>
public static class StressMinimums
{
    public static IReadOnlyList<StressMinimum> For(string scenario) => (ScenarioNames.AbiV1TwinOf(scenario) ?? scenario) switch
    {
        ScenarioNames.ForkCpuId => [new(CounterNames.CrossCpuStarts, 20)],
        ScenarioNames.AffinityPin => [new(CounterNames.Children, 10), new(CounterNames.CrossCpuStarts, 5), new(CounterNames.Pins, 30)],
        ScenarioNames.MigrationStorm => [new(CounterNames.Migrations, 50), new(CounterNames.Comparisons, 1000)],
        ScenarioNames.NodeIdMmCid => [new(CounterNames.OverlapsChecked, 500)],
        ScenarioNames.CsAbort => [new(CounterNames.Aborts, 10), new(CounterNames.UnarmedLostUpdates, 1)],
        ScenarioNames.LegacyCpuIdStart => [new(CounterNames.SwitchedSleeps, 50)],
        _ => [],
    };

    /// <summary>
    /// The reading that limits the outcome's stress (the lowest multiple of its minimum); null when
    /// the scenario states no minimum or reported none of its counters (a SKIP, a boot that failed).
    /// </summary>
    public static StressReading? Lowest(ScenarioOutcome outcome) =>
        For(outcome.Scenario)
            .Where(minimum => outcome.Counters.ContainsKey(minimum.Counter))
            .Select(minimum => new StressReading(minimum.Counter, outcome.Counters[minimum.Counter], minimum.Minimum))
            .OrderBy(reading => reading.Multiple)
            .FirstOrDefault();
}
