namespace Guest.Scenarios.ForkCpuId;

/// <summary>What one forked child's samples show.</summary>
internal enum ChildObservation
{
    /// <summary>cpu_id agreed with getcpu in every round.</summary>
    Consistent,

    /// <summary>A mismatch that a later read resolved: a real migration between reads, not a bug.</summary>
    ResolvedMismatch,

    /// <summary>cpu_id kept one wrong value across consecutive rounds while getcpu stayed the same.</summary>
    Stale,

    /// <summary>cpu_id read -1 or -2: the child had no usable registration.</summary>
    Unavailable,

    /// <summary>The getcpu system call failed, so there is no reference to compare with.</summary>
    GetCpuFailed,
}
