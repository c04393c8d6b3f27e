namespace Harness.History;

/// <summary>
/// What a cell of a night means beside the nights before it (README, "History and compare", gives
/// the rules). Declared from the most to the least alarming: a kernel's cell in the history table
/// leads with its worst.
/// </summary>
public enum Classification
{
    /// <summary>Missed its expectation, and the last night with a verdict met it (or there was none).</summary>
    NewFailure,

    /// <summary>Its repeats disagreed; or it changed now and, within its last five nights with a verdict, changed twice and fails now, or three times.</summary>
    Flaky,

    /// <summary>Missed its expectation, as it did the last night with a verdict.</summary>
    StillFailing,

    /// <summary>ERROR in every repeat: no verdict this night.</summary>
    Error,

    /// <summary>Met its expectation, and the last night with a verdict missed it.</summary>
    Fixed,

    /// <summary>A FAIL the kernel's expectation asks for (a control catching its regression), as before.</summary>
    AsExpected,

    /// <summary>PASS (or a SKIP the version allows), as before.</summary>
    Pass,
}

public static class ClassificationWords
{
    /// <summary>As the tables and the compare verb print it.</summary>
    public static string Word(this Classification classification) => classification switch
    {
        Classification.NewFailure => "new failure",
        Classification.Flaky => "flaky",
        Classification.StillFailing => "still failing",
        Classification.Error => "error",
        Classification.Fixed => "fixed",
        Classification.AsExpected => "as expected",
        Classification.Pass => "pass",
        _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, null),
    };
}
