namespace Guest.Scenarios.ForkCpuId;

/// <summary>What one forked child's samples show.</summary>
internal enum ChildObservation
{
    /// <summary>cpu_id agreed with getcpu in every round.</summary>
    Consistent,

    /// <summary>
    /// A mismatch shorter than <see cref="ChildClassifier.MinimumStaleRounds"/> rounds: the child is
    /// not pinned, so a real migration between its reads explains it (see <see cref="ChildClassifier"/>).
    /// </summary>
    ResolvedMismatch,

    /// <summary>cpu_id kept one wrong value across consecutive rounds while getcpu stayed the same.</summary>
    Stale,

    /// <summary>
    /// cpu_id read -1 or -2 in a child that inherited its parent's working registration: the kernel
    /// dropped or broke it across fork, a violation.
    /// </summary>
    NegativeCpuId,

    /// <summary>The getcpu system call failed, so there is no reference to compare with.</summary>
    GetCpuFailed,
}
