namespace Guest.Scenarios.AffinityPin;

/// <summary>One read of the rseq fields after a pin, followed by the getcpu system call.</summary>
/// <param name="GetCpu">What the getcpu system call answered; -1 when it failed.</param>
internal readonly record struct PinReading(int CpuIdStart, int CpuId, int GetCpu)
{
    /// <summary>Both rseq fields and getcpu name the CPU the thread was pinned to.</summary>
    public bool Agrees(int target) => CpuIdStart == target && CpuId == target && GetCpu == target;

    public override string ToString() => $"cpu_id={CpuId} cpu_id_start={CpuIdStart} getcpu={GetCpu}";
}
