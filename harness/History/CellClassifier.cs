namespace Harness.History;

/// <summary>Classifies one kernel × scenario cell night by night, from its own nights only.</summary>
public static class CellClassifier
{
    /// <summary>
    /// How many nights with a verdict (this one included) are looked at for changes: a cell that
    /// changes now is flaky when, within this window, it changed twice and fails now (a failure
    /// back soon after its fix) or three times either way (back and forth). One failing night
    /// followed by a pass reads fixed: a regression reverted the next day is not noise.
    /// </summary>
    public const int FlakyWindow = 5;

    /// <param name="nights">The cell in each night it appears in, oldest first.</param>
    /// <returns>One classification per night, in the same order.</returns>
    public static IReadOnlyList<Classification> Classify(IReadOnlyList<RunCell> nights)
    {
        var classifications = new List<Classification>(nights.Count);
        // Nights with a verdict so far, as "was it failing": ERROR nights say nothing either way.
        var verdicts = new List<bool>();
        foreach (var night in nights)
        {
            if (night.State == CellState.NoVerdict)
            {
                classifications.Add(Classification.Error);
                continue;
            }
            verdicts.Add(night.Failing);
            classifications.Add(Classify(night, verdicts));
        }
        return classifications;
    }

    static Classification Classify(RunCell night, List<bool> verdicts)
    {
        if (night.State == CellState.Mixed)
            return Classification.Flaky;
        var changed = verdicts.Count > 1 ? verdicts[^1] != verdicts[^2] : night.Failing;
        // A change at each of the window's nights is counted against the night before it, hence one more verdict.
        var changes = Changes(verdicts.TakeLast(FlakyWindow + 1).ToList());
        if (changed && (night.Failing ? changes >= 2 : changes >= 3))
            return Classification.Flaky;
        return (night.Failing, changed) switch
        {
            (true, true) => Classification.NewFailure,
            (true, false) => Classification.StillFailing,
            (false, true) => Classification.Fixed,
            _ => night.ExpectedFail ? Classification.AsExpected : Classification.Pass,
        };
    }

    static int Changes(List<bool> verdicts) => verdicts.Zip(verdicts.Skip(1)).Count(pair => pair.First != pair.Second);
}
