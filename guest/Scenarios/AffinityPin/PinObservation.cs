namespace Guest.Scenarios.AffinityPin;

/// <summary>What the reads after one pin show.</summary>
internal enum PinObservation
{
    /// <summary>cpu_id and cpu_id_start named the target CPU in every read.</summary>
    Consistent,

    /// <summary>A wrong value that a later read no longer showed: not a persistent fault.</summary>
    ResolvedMismatch,

    /// <summary>cpu_id or cpu_id_start named another CPU in every read while getcpu named the target.</summary>
    PersistentMismatch,

    /// <summary>sched_setaffinity failed, or getcpu did not name the target: nothing to judge.</summary>
    PinFailed,

    /// <summary>cpu_id read -1 or -2: the child had no usable registration.</summary>
    Unavailable,
}
