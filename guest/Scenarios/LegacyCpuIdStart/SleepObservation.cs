namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>What one sleep of the probe shows.</summary>
internal enum SleepObservation
{
    /// <summary>The thread was not switched out (or the count is unknown): the sleep proves nothing.</summary>
    NotSwitched,

    /// <summary>The kernel rewrote cpu_id_start to the CPU getcpu names.</summary>
    Rewritten,

    /// <summary>cpu_id_start still held the sentinel after a context switch: the regression.</summary>
    SentinelSurvived,

    /// <summary>cpu_id_start was rewritten, but to another CPU than the one the pinned thread is on.</summary>
    WrongCpu,
}
