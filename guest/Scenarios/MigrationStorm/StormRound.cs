namespace Guest.Scenarios.MigrationStorm;

/// <summary>
/// One round of a worker: the thread's re-pin sequence, cpu_id, the getcpu system call, cpu_id
/// again, the sequence again (as the kernel's KVM rseq_test reads them).
/// </summary>
/// <param name="GetCpu">What the getcpu system call answered; -1 when it failed.</param>
internal readonly record struct StormRound(long SequenceBefore, int CpuIdBefore, int GetCpu, int CpuIdAfter, long SequenceAfter)
{
    /// <summary>
    /// A re-pin of this thread was in progress (odd sequence) or happened during the round: the
    /// thread may have moved between the reads, so the round says nothing.
    /// </summary>
    public bool IsRaced => (SequenceBefore & 1) != 0 || SequenceBefore != SequenceAfter;

    public bool Agrees => CpuIdBefore == GetCpu && CpuIdAfter == GetCpu;

    public override string ToString() => $"cpu_id={CpuIdBefore}/{CpuIdAfter} getcpu={GetCpu} seq={SequenceBefore}";
}
