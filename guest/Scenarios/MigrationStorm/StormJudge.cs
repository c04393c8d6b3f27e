namespace Guest.Scenarios.MigrationStorm;

/// <summary>
/// Judges a worker's round. A worker is pinned to one CPU and only the migrator moves it, between
/// two increments of the worker's sequence; so with the sequence even and unchanged the thread
/// stayed on one CPU during the round, and a correct kernel had refreshed cpu_id before the
/// thread last returned to user space. One disagreement in such a round is therefore a violation,
/// as in the KVM rseq_test, which asserts on the first one. The worker reads a disagreeing round
/// again, but only for the evidence: a kernel that refreshes cpu_id at the next tick instead of on
/// the way back to user space is right on the re-read and still wrong.
/// </summary>
internal static class StormJudge
{
    public static StormObservation Judge(StormRound round)
    {
        if (round.IsRaced)
            return StormObservation.Raced;
        if (round.CpuIdBefore < 0 || round.CpuIdAfter < 0)
            return StormObservation.NegativeCpuId;
        if (round.GetCpu < 0)
            return StormObservation.GetCpuFailed;
        return round.Agrees ? StormObservation.Agreed : StormObservation.Mismatch;
    }

    /// <summary>A violation worth a re-read for its evidence.</summary>
    public static bool WantsReread(StormObservation observation) =>
        observation is StormObservation.Mismatch or StormObservation.NegativeCpuId;

    /// <summary>
    /// The re-read agreed, in the same quiet period as the round (no re-pin since): the kernel
    /// refreshed cpu_id, only late. Evidence, not a verdict.
    /// </summary>
    public static bool RightOnReread(StormRound round, StormRound reread) =>
        !reread.IsRaced && reread.SequenceBefore == round.SequenceAfter && reread.Agrees;
}
