namespace Guest.Scenarios.MigrationStorm;

/// <summary>
/// Judges a worker's round. A worker is pinned to one CPU and only the migrator moves it, between
/// two increments of the worker's sequence; so with the sequence even and unchanged the thread
/// stayed on one CPU during the round, and a correct kernel had refreshed cpu_id before the
/// thread last returned to user space. A disagreement counts only when a re-check made under the
/// same sequence shows it again.
/// </summary>
internal static class StormJudge
{
    /// <summary>The round disagreed without a race: read it again before judging.</summary>
    public static bool NeedsRecheck(StormRound round) => !round.IsRaced && !round.Agrees && IsComparable(round);

    /// <param name="recheck">The round read again; only looked at when <see cref="NeedsRecheck"/> held.</param>
    public static StormObservation Judge(StormRound round, StormRound recheck)
    {
        if (round.IsRaced)
            return StormObservation.Raced;
        if (!IsComparable(round))
            return StormObservation.Unavailable;
        if (round.Agrees)
            return StormObservation.Agreed;
        // The re-check must fall in the same quiet period: no re-pin since the first round.
        if (recheck.IsRaced || recheck.SequenceBefore != round.SequenceAfter)
            return StormObservation.Raced;
        if (!IsComparable(recheck) || recheck.Agrees || recheck.GetCpu != round.GetCpu)
            return StormObservation.ResolvedMismatch;
        return StormObservation.PersistentMismatch;
    }

    static bool IsComparable(StormRound round) => round.GetCpu >= 0 && round.CpuIdBefore >= 0 && round.CpuIdAfter >= 0;
}
