using Harness.Judging;
using Harness.Records;
using Protocol;

namespace Harness.History;

/// <summary>
/// Judges the cells of one run against each kernel's expectation, by the one rule runs are judged
/// with (<see cref="ExpectationCheck"/>), cell by cell. The kernel's own selftests never count
/// there, so they are left out here too: 7.2's legacy_check FAILs on its control every night.
/// </summary>
public static class CellJudge
{
    /// <summary>Every kernel × scenario cell of the run, in the run's kernel order and each kernel's scenario order.</summary>
    public static IReadOnlyList<RunCell> Cells(RunRecord run) =>
        run.Kernels
            .GroupBy(kernel => kernel.Name, StringComparer.Ordinal)
            .SelectMany(repeats => repeats
                .SelectMany(kernel => kernel.Scenarios.Where(s => !ScenarioNames.IsSelftest(s.Scenario)).Select(outcome => (Kernel: kernel, Outcome: outcome)))
                .GroupBy(pair => pair.Outcome.Scenario, StringComparer.Ordinal)
                .Select(cell => Combine(repeats.Key, cell.Key, cell.Select(pair => Judge(pair.Kernel, pair.Outcome)).ToList())))
            .ToList();

    static RunCell Combine(string kernel, string scenario, IReadOnlyList<(CellState State, ScenarioVerdict Outcome, string? Reason)> repeats)
    {
        var states = repeats.Select(r => r.State).Distinct().ToList();
        var state = (states.Contains(CellState.Met), states.Contains(CellState.Missed)) switch
        {
            (true, true) => CellState.Mixed,
            (false, true) => CellState.Missed,
            (true, false) => CellState.Met,
            _ => CellState.NoVerdict,
        };
        var reason = repeats.Where(r => r.State is CellState.Missed or CellState.NoVerdict).Select(r => r.Reason).FirstOrDefault(r => r is not null)
                     ?? repeats.Select(r => r.Reason).FirstOrDefault(r => r is not null);
        return new RunCell(kernel, scenario, state, repeats.Select(r => r.Outcome).ToList(), reason);
    }

    static (CellState State, ScenarioVerdict Outcome, string? Reason) Judge(KernelResult kernel, ScenarioOutcome outcome)
    {
        if (outcome.Outcome == ScenarioVerdict.Error)
            return (CellState.NoVerdict, outcome.Outcome, outcome.Reason ?? kernel.Error);
        // The check's phrases each begin with the scenario at fault; judged alone, a cell can only be
        // at fault itself, and a phrase about the kernel as a whole ("no scenario FAILed") is not this cell's.
        var miss = ExpectationCheck.Misses(kernel.Expect, kernel.KernelRelease, [outcome])
            .FirstOrDefault(phrase => phrase.StartsWith($"{outcome.Scenario}: ", StringComparison.Ordinal));
        return miss is null
            ? (CellState.Met, outcome.Outcome, outcome.Reason)
            : (CellState.Missed, outcome.Outcome, outcome.Outcome == ScenarioVerdict.Fail ? outcome.Reason ?? miss : miss);
    }
}
