namespace Guest.Scenarios.AffinityPin;

/// <summary>What the reads after one pin show.</summary>
internal enum PinObservation
{
    /// <summary>cpu_id and cpu_id_start named the target CPU in every read.</summary>
    Consistent,

    /// <summary>cpu_id or cpu_id_start named another CPU in every read while getcpu named the target.</summary>
    Mismatch,

    /// <summary>
    /// A wrong value that a later read no longer showed. Still a violation: the pinned thread could
    /// not migrate, so the kernel refreshed cpu_id late. The re-read only says how late.
    /// </summary>
    MismatchRightOnReread,

    /// <summary>sched_setaffinity failed, or getcpu did not name the target: nothing to judge.</summary>
    PinFailed,

    /// <summary>cpu_id or cpu_id_start read -1 or -2 in a child whose inherited registration worked: a violation.</summary>
    NegativeCpuId,
}
