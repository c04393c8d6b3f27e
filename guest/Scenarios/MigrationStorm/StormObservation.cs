namespace Guest.Scenarios.MigrationStorm;

/// <summary>What a round, and its re-check when it disagreed, show.</summary>
internal enum StormObservation
{
    /// <summary>A re-pin raced the round or its re-check: thrown away, never a failure.</summary>
    Raced,

    /// <summary>cpu_id agreed with getcpu.</summary>
    Agreed,

    /// <summary>A disagreement the re-check no longer showed.</summary>
    ResolvedMismatch,

    /// <summary>cpu_id disagreed with getcpu in the round and in its re-check, with no re-pin in between.</summary>
    PersistentMismatch,

    /// <summary>cpu_id read -1 or -2, or getcpu failed: nothing to compare.</summary>
    Unavailable,
}
