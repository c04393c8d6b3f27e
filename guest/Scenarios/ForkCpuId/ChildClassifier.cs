namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// Judges one forked child from its rounds of (cpu_id, getcpu, cpu_id). Only a mismatch that
/// persists counts as stale: on a fixed kernel a migration refreshes cpu_id before the thread
/// returns to user space, so a mismatch lasts at most into the next read.
/// </summary>
/// <remarks>
/// Why a shorter mismatch (<see cref="ChildObservation.ResolvedMismatch"/>) is a race and not a
/// forgiven violation, unlike a pinned thread's: the child is not pinned, so the scheduler may move
/// it between any two of its reads, and on a correct kernel each cpu_id read names the CPU the child
/// ran on at that read. One migration between a cpu_id read and getcpu gives one disagreeing read;
/// a round where both cpu_id reads agree with each other against getcpu needs a move there and back.
/// Neither is evidence against the kernel. What it does not forgive is a kernel that refreshes
/// cpu_id late: the 8 rounds take a few tens of microseconds even under TCG, far below a tick (1 to
/// 4 ms), so a value left stale until the next tick, or until the next preemption as before
/// ce3614daabea, fills all 8 rounds (1986 of 2000 children on the 5.10 control) and is Stale.
/// A negative cpu_id is never a race: the child inherited a working registration.
/// </remarks>
internal static class ChildClassifier
{
    /// <summary>
    /// Consecutive rounds (each two cpu_id reads around a getcpu) that must show the same wrong
    /// cpu_id under an unchanged getcpu. A migration between reads can spoil one round, not three.
    /// </summary>
    public const int MinimumStaleRounds = 3;

    public static ChildClassification Classify(ReadOnlySpan<ChildSample> samples)
    {
        if (samples.IsEmpty)
            throw new ArgumentException("a child reports at least one round", nameof(samples));

        foreach (var sample in samples)
        {
            if (sample.CpuIdBefore < 0 || sample.CpuIdAfter < 0)
                return new(ChildObservation.NegativeCpuId, sample, 0);
        }
        foreach (var sample in samples)
        {
            if (sample.GetCpu < 0)
                return new(ChildObservation.GetCpuFailed, sample, 0);
        }

        var (staleRounds, staleExample) = LongestStaleRun(samples);
        if (staleRounds >= MinimumStaleRounds)
            return new(ChildObservation.Stale, staleExample, staleRounds);

        foreach (var sample in samples)
        {
            if (!sample.Agrees)
                return new(ChildObservation.ResolvedMismatch, sample, staleRounds);
        }
        return new(ChildObservation.Consistent, samples[0], 0);
    }

    /// <summary>The longest run of stale-looking rounds with the same cpu_id and the same getcpu.</summary>
    static (int Length, ChildSample Example) LongestStaleRun(ReadOnlySpan<ChildSample> samples)
    {
        var longest = 0;
        var longestStart = samples[0];
        var run = 0;
        var runStart = samples[0];
        for (var index = 0; index < samples.Length; index++)
        {
            var sample = samples[index];
            var continues = run > 0
                && sample.GetCpu == samples[index - 1].GetCpu
                && sample.CpuIdBefore == samples[index - 1].CpuIdBefore;
            if (!sample.LooksStale)
                run = 0;
            else if (continues)
                run++;
            else
            {
                run = 1;
                runStart = sample;
            }

            if (run > longest)
            {
                longest = run;
                longestStart = runStart;
            }
        }
        return (longest, longestStart);
    }
}
