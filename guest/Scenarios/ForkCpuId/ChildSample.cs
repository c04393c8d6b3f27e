namespace Guest.Scenarios.ForkCpuId;

/// <summary>One round of a forked child's check: rseq cpu_id, then the getcpu system call, then cpu_id again.</summary>
/// <param name="GetCpu">What the getcpu system call answered; -1 when it failed.</param>
internal readonly record struct ChildSample(int CpuIdBefore, int GetCpu, int CpuIdAfter)
{
    public bool Agrees => CpuIdBefore == GetCpu && CpuIdAfter == GetCpu;

    /// <summary>
    /// Both cpu_id reads hold one value that getcpu contradicts. A real migration between the reads
    /// changes cpu_id on the way back to user space, so it cannot look like this for long.
    /// </summary>
    public bool LooksStale => CpuIdBefore == CpuIdAfter && CpuIdBefore != GetCpu;

    public override string ToString() => $"cpu_id={CpuIdBefore}/{CpuIdAfter} getcpu={GetCpu}";
}
