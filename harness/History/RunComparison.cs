namespace Harness.History;

/// <summary>
/// What changed between two runs, cell by cell, judged as the history judges them (every repeat of
/// a kernel together, against its expectation), and which kernels came or went.
/// </summary>
public sealed record RunComparison(RecordedRun Old, RecordedRun New, IReadOnlyList<ComparedCell> Changes, IReadOnlyList<string> KernelsAdded, IReadOnlyList<string> KernelsRemoved)
{
    /// <summary>True when some cell got worse: the nightly gate fails.</summary>
    public bool Worse => Changes.Any(change => change.Worse);

    public static RunComparison Of(RecordedRun old, RecordedRun @new)
    {
        var oldCells = CellJudge.Cells(old.Record).ToDictionary(c => (c.Kernel, c.Scenario));
        var changes = CellJudge.Cells(@new.Record)
            .Select(cell => Change(oldCells.GetValueOrDefault((cell.Kernel, cell.Scenario)), cell))
            .OfType<ComparedCell>()
            .OrderBy(change => change.Kind)
            .ToList();
        var oldKernels = old.Record.Kernels.Select(k => k.Name).Distinct().ToList();
        var newKernels = @new.Record.Kernels.Select(k => k.Name).Distinct().ToList();
        return new RunComparison(old, @new, changes, newKernels.Except(oldKernels).ToList(), oldKernels.Except(newKernels).ToList());
    }

    /// <returns>Null when the cell is as good as before (met its expectation then and now).</returns>
    static ComparedCell? Change(RunCell? old, RunCell now)
    {
        var kind = (Was(old), Is(now)) switch
        {
            (_, Standing.Failing) when Was(old) == Standing.Failing => ChangeKind.StillFailing,
            (_, Standing.Failing) => ChangeKind.NewFailure,
            (Standing.NoVerdict, Standing.NoVerdict) => ChangeKind.StillError,
            (_, Standing.NoVerdict) => ChangeKind.NewlyError,
            (Standing.Failing, Standing.Met) => ChangeKind.Fixed,
            (Standing.NoVerdict, Standing.Met) => ChangeKind.NoLongerError,
            _ => (ChangeKind?)null,
        };
        return kind is { } k ? new ComparedCell(k, old, now) : null;
    }

    enum Standing { Absent, Met, Failing, NoVerdict }

    static Standing Was(RunCell? cell) => cell is null ? Standing.Absent : Is(cell);

    static Standing Is(RunCell cell) => cell.State switch
    {
        CellState.Met => Standing.Met,
        CellState.NoVerdict => Standing.NoVerdict,
        _ => Standing.Failing,
    };
}
