namespace Harness.History;

/// <summary>A row of the history: one kernel, its expectation as the newest run that has it declares it, and its cell in each run shown (null: not in that run).</summary>
public sealed record HistoryRow(string Kernel, string Expect, IReadOnlyList<KernelNight?> Nights);

/// <summary>
/// The table across runs: a row per kernel, a column per run in time order. Every run read is used
/// to classify the cells; only the last <see cref="HistoryTable.Build"/>'s <c>shown</c> runs become columns.
/// </summary>
/// <param name="Runs">The runs shown, oldest first.</param>
/// <param name="EarlierRuns">Runs read and used for the classification but older than the columns shown.</param>
public sealed record HistoryTable(IReadOnlyList<RecordedRun> Runs, IReadOnlyList<HistoryRow> Rows, IReadOnlyList<SkippedFolder> Skipped, int EarlierRuns)
{
    public const int DefaultShown = 30;

    /// <param name="runs">Every run, oldest first.</param>
    /// <param name="shown">How many of the newest runs become columns.</param>
    public static HistoryTable Build(IReadOnlyList<RecordedRun> runs, IReadOnlyList<SkippedFolder> skipped, int shown = DefaultShown)
    {
        var cellsOfRun = runs.Select(run => CellJudge.Cells(run.Record)).ToList();
        var classified = Classify(cellsOfRun);
        var first = Math.Max(0, runs.Count - shown);
        var rows = KernelOrder(runs).Select(kernel => new HistoryRow(
            kernel,
            runs.Last(run => run.Record.Kernels.Any(k => k.Name == kernel)).Record.Kernels.First(k => k.Name == kernel).Expect.Describe(),
            Enumerable.Range(first, runs.Count - first)
                .Select(index => runs[index].Record.Kernels.Any(k => k.Name == kernel)
                    ? new KernelNight(cellsOfRun[index].Where(c => c.Kernel == kernel).Select(c => new ClassifiedCell(c, classified[(index, c.Kernel, c.Scenario)])).ToList())
                    : null)
                .ToList())).ToList();
        return new HistoryTable(runs.Skip(first).ToList(), rows, skipped, first);
    }

    /// <summary>Each kernel × scenario cell classified over the runs it appears in.</summary>
    static Dictionary<(int Run, string Kernel, string Scenario), Classification> Classify(List<IReadOnlyList<RunCell>> cellsOfRun)
    {
        var result = new Dictionary<(int, string, string), Classification>();
        var series = cellsOfRun
            .SelectMany((cells, run) => cells.Select(cell => (Run: run, Cell: cell)))
            .GroupBy(entry => (entry.Cell.Kernel, entry.Cell.Scenario));
        foreach (var cell in series)
        {
            var nights = cell.ToList();
            var classifications = CellClassifier.Classify(nights.Select(n => n.Cell).ToList());
            for (var i = 0; i < nights.Count; i++)
                result[(nights[i].Run, nights[i].Cell.Kernel, nights[i].Cell.Scenario)] = classifications[i];
        }
        return result;
    }

    /// <summary>The newest run's kernels in its (the matrix's) order, then kernels that left the matrix, most recently seen first.</summary>
    static IEnumerable<string> KernelOrder(IReadOnlyList<RecordedRun> runs) =>
        runs.Reverse().SelectMany(run => run.Record.Kernels.Select(k => k.Name)).Distinct(StringComparer.Ordinal);
}
