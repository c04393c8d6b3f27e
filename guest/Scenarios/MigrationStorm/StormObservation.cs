namespace Guest.Scenarios.MigrationStorm;

/// <summary>What a round shows.</summary>
internal enum StormObservation
{
    /// <summary>A re-pin raced the round: thrown away, never a failure.</summary>
    Raced,

    /// <summary>cpu_id agreed with getcpu.</summary>
    Agreed,

    /// <summary>cpu_id disagreed with getcpu with no re-pin racing the round: a violation.</summary>
    Mismatch,

    /// <summary>cpu_id read -1 or -2 on a thread whose registration worked: a violation.</summary>
    NegativeCpuId,

    /// <summary>The getcpu system call failed: nothing to compare with.</summary>
    GetCpuFailed,
}
