namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>
/// Judges one sleep. The probe is pinned, so the sleep switches it out without moving it: a kernel
/// that rewrites the IDs only when they change (the v6.19 rework) leaves the sentinel, a kernel
/// that rewrites a legacy registration on every switch puts the CPU number back.
/// </summary>
internal static class SleepClassifier
{
    public static SleepObservation Classify(SleepSample sample)
    {
        // Voluntary switches rise only when the thread blocks, and the sleep is the only blocking
        // call between the two counts; no rise means no switch, and then no rewrite is owed.
        if (sample.VoluntarySwitches <= 0 || sample.GetCpu < 0)
            return SleepObservation.NotSwitched;
        if (sample.CpuIdStart == SleepSample.Sentinel)
            return SleepObservation.SentinelSurvived;
        return sample.CpuIdStart == sample.GetCpu ? SleepObservation.Rewritten : SleepObservation.WrongCpu;
    }
}
