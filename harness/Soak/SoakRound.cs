using Harness.Records;
using Protocol;

namespace Harness.Soak;

/// <summary>One outcome of one round: a kernel × scenario cell of the table.</summary>
public sealed record CellOutcome(string Kernel, string Scenario, ScenarioVerdict Outcome, string? Reason);

/// <summary>One round of a soak: the whole matrix run once, and the harness's footprint right after it.</summary>
/// <param name="RunFolder">The round's run folder, relative to the soak folder.</param>
public sealed record SoakRound(
    int Number,
    string RunFolder,
    TimeSpan Elapsed,
    bool AllMetExpectation,
    IReadOnlyList<CellOutcome> Cells,
    ProcessFootprint After)
{
    public static SoakRound From(int number, string runFolder, RunRecord record, TimeSpan elapsed, ProcessFootprint after) => new(
        number,
        runFolder,
        elapsed,
        record.AllMetExpectation,
        [.. record.Kernels.SelectMany(kernel => kernel.Scenarios.Select(s => new CellOutcome(kernel.Name, s.Scenario, s.Outcome, s.Reason)))],
        after);
}
