namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>
/// One sampling interval of one thread: what rseq's node_id and mm_cid showed between two
/// timestamps, and whether the thread provably kept its CPU and its cid throughout.
/// </summary>
/// <param name="Thread">The sampling thread's index.</param>
/// <param name="Start">Stopwatch timestamp taken after the opening context-switch count.</param>
/// <param name="End">Stopwatch timestamp taken before the closing context-switch count.</param>
/// <param name="Cpu">The getcpu system call inside the interval; -1 when it failed.</param>
/// <param name="Undisturbed">
/// The thread's context-switch count was the same on both sides and every mm_cid read (including
/// the ones just after each count, on return from the kernel) gave the same value: the thread ran
/// on <paramref name="Cpu"/> and held <paramref name="MmCid"/> for the whole interval.
/// </param>
internal readonly record struct CidSample(int Thread, long Start, long End, int Cpu, int NodeId, int MmCid, bool Undisturbed)
{
    public override string ToString() => $"thread={Thread} cpu={Cpu} node_id={NodeId} mm_cid={MmCid} t={Start}..{End}";
}
