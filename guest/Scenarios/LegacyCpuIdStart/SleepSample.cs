namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>What the probe read after one sleep that followed the sentinel write.</summary>
/// <param name="GetCpu">What the getcpu system call answered; -1 when it failed.</param>
/// <param name="VoluntarySwitches">How much the thread's voluntary switch count rose across the sleep.</param>
internal readonly record struct SleepSample(int CpuIdStart, int CpuId, int GetCpu, long VoluntarySwitches)
{
    /// <summary>Written into cpu_id_start before each sleep: no CPU has this number.</summary>
    public const int Sentinel = unchecked((int)0xFFFFFF00);

    public override string ToString() =>
        $"cpu_id_start={(CpuIdStart == Sentinel ? "sentinel" : CpuIdStart.ToString(System.Globalization.CultureInfo.InvariantCulture))} "
        + $"cpu_id={CpuId} getcpu={GetCpu} voluntary_switches=+{VoluntarySwitches}";
}
