namespace Harness.History;

/// <summary>A scenario's cell of one night with its classification.</summary>
public sealed record ClassifiedCell(RunCell Cell, Classification Classification);

/// <summary>
/// One kernel in one run: the history table's cell. A cell per kernel rather than per kernel ×
/// scenario, because a matrix of ten kernels and ten scenarios would give a hundred rows of mostly
/// PASS; per kernel, the eye finds the night that changed, and the cell names the scenarios that did.
/// </summary>
public sealed record KernelNight(IReadOnlyList<ClassifiedCell> Cells)
{
    /// <summary>The most alarming classification of the kernel's scenarios that night.</summary>
    public Classification Worst => Cells.Count == 0 ? Classification.Pass : Cells.Min(c => c.Classification);

    /// <summary>
    /// Each classification but pass with the scenarios it holds, worst first: <c>new failure:
    /// fork_cpu_id, affinity_pin</c>; <c>pass</c> when every scenario passed, and <c>error: every
    /// scenario</c> for a kernel that could not be fetched, built or booted.
    /// </summary>
    public IReadOnlyList<(Classification Classification, string Text)> Parts()
    {
        if (Cells.Count > 0 && Cells.All(c => c.Classification == Classification.Error))
            return [(Classification.Error, "error: every scenario")];
        var parts = Cells
            .Where(c => c.Classification != Classification.Pass)
            .GroupBy(c => c.Classification)
            .OrderBy(group => group.Key)
            .Select(group => (group.Key, $"{group.Key.Word()}: {string.Join(", ", group.Select(c => c.Cell.Scenario))}"))
            .ToList();
        return parts.Count > 0 ? parts : [(Classification.Pass, Classification.Pass.Word())];
    }
}
