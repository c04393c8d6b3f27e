namespace Harness.History;

/// <summary>What happened to a kernel × scenario cell between two runs, from the most to the least alarming.</summary>
public enum ChangeKind
{
    /// <summary>Misses its expectation now; met it before, had no verdict, or was not there.</summary>
    NewFailure,

    /// <summary>ERROR now; had a verdict before, or was not there.</summary>
    NewlyError,

    /// <summary>Misses its expectation now and did before.</summary>
    StillFailing,

    /// <summary>ERROR now and before.</summary>
    StillError,

    /// <summary>Meets its expectation now; missed it before.</summary>
    Fixed,

    /// <summary>Meets its expectation now; was ERROR before.</summary>
    NoLongerError,
}

/// <summary>One cell that changed, or stayed bad, between two runs; <paramref name="Old"/> is null when the old run did not have it.</summary>
public sealed record ComparedCell(ChangeKind Kind, RunCell? Old, RunCell New)
{
    /// <summary>Whether the change makes the nightly gate fail: the new run is worse on this cell.</summary>
    public bool Worse => Kind is ChangeKind.NewFailure or ChangeKind.NewlyError;

    public static string Word(ChangeKind kind) => kind switch
    {
        ChangeKind.NewFailure => "new failure",
        ChangeKind.NewlyError => "newly ERROR",
        ChangeKind.StillFailing => "still failing",
        ChangeKind.StillError => "still ERROR",
        ChangeKind.Fixed => "fixed",
        ChangeKind.NoLongerError => "no longer ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
