namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// Judges one pin from the reads made right after sched_setaffinity returned. A thread pinned to
/// one CPU cannot migrate, and a pin that moves it refreshes both fields before it returns to user
/// space; so on a correct kernel the first read already agrees. Only a wrong value that every
/// re-read confirms, under a getcpu naming the target, counts as a fault.
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

        var agreeing = 0;
        foreach (var reading in readings)
        {
            if (reading.GetCpu != target)
                return PinObservation.PinFailed;
            if (reading.CpuId < 0 || reading.CpuIdStart < 0)
                return PinObservation.Unavailable;
            if (reading.Agrees(target))
                agreeing++;
        }

        if (agreeing == readings.Length)
            return PinObservation.Consistent;
        return agreeing == 0 ? PinObservation.PersistentMismatch : PinObservation.ResolvedMismatch;
    }
}
