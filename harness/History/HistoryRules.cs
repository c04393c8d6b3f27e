namespace Harness.History;

/// <summary>The classification rules in words, printed under both renderings of the table so a reader needs no README.</summary>
public static class HistoryRules
{
    public static IReadOnlyList<(Classification Classification, string Rule)> All { get; } =
    [
        (Classification.NewFailure, "missed its expectation (an unexpected FAIL, a control's named scenario not FAILing, a SKIP its version rules out); the last run with a verdict met it, or there was none"),
        (Classification.Flaky, "its repeats in the run disagreed (met and missed); or it changed (met to missed or back) in this run and, counting that change, changed twice within its last five runs with a verdict and misses now (a failure back soon after its fix), or three times (back and forth)"),
        (Classification.StillFailing, "missed its expectation, as in the last run with a verdict"),
        (Classification.Error, "ERROR in every repeat: no verdict (passed over when the next run looks back)"),
        (Classification.Fixed, "met its expectation; the last run with a verdict missed it"),
        (Classification.AsExpected, "a FAIL the kernel's expect names (a control catching its regression)"),
        (Classification.Pass, "PASS, or a SKIP the kernel's version allows"),
    ];

    public const string Absent = "-";

    public const string AbsentMeaning = "not in that run";

    public const string Scope = "Scenarios only: the kernel's own selftests never count towards an expectation, so not here either.";
}
