namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// Judges one pin from the reads made right after sched_setaffinity returned. A thread pinned to
/// one CPU cannot migrate, and a pin that moves it refreshes both fields before it returns to user
/// space; so on a correct kernel the first read already agrees, and every read after it. One wrong
/// read under a getcpu naming the target is a violation; the re-reads only tell a kernel that
/// refreshes late (right on a re-read) from one that never does.
/// </summary>
internal static class PinClassifier
{
    /// <param name="result">What sched_setaffinity returned: 0, or -1 when it failed.</param>
    /// <param name="readings">The read right after the pin, then the re-reads.</param>
    public static PinObservation Classify(int target, int result, ReadOnlySpan<PinReading> readings)
    {
        if (readings.IsEmpty)
            throw new ArgumentException("a pin has at least one reading", nameof(readings));
        if (result != 0)
            return PinObservation.PinFailed;

        foreach (var reading in readings)
        {
            if (reading.GetCpu != target)
                return PinObservation.PinFailed;
        }
        foreach (var reading in readings)
        {
            if (reading.CpuId < 0 || reading.CpuIdStart < 0)
                return PinObservation.NegativeCpuId;
        }

        var firstWrong = -1;
        for (var index = 0; index < readings.Length && firstWrong < 0; index++)
        {
            if (!readings[index].Agrees(target))
                firstWrong = index;
        }
        if (firstWrong < 0)
            return PinObservation.Consistent;
        return readings[^1].Agrees(target) ? PinObservation.MismatchRightOnReread : PinObservation.Mismatch;
    }
}
