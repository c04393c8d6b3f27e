namespace Guest.Rseq;

/// <summary>Reads of a registered <c>struct rseq</c>, which the kernel rewrites behind the program's back.</summary>
internal static unsafe class RseqArea
{
    /// <summary>A volatile read, so every call really loads the field the kernel may have rewritten.</summary>
    public static int ReadCpuId(nint area) => Volatile.Read(ref *(int*)(area + RseqLayout.CpuIdOffset));

    /// <summary>node_id (since 6.3): the NUMA node of the CPU the thread runs on.</summary>
    public static int ReadNodeId(nint area) => Volatile.Read(ref *(int*)(area + RseqLayout.NodeIdOffset));

    /// <summary>mm_cid (since 6.3): the concurrency id, unique among the process's running threads.</summary>
    public static int ReadMmCid(nint area) => Volatile.Read(ref *(int*)(area + RseqLayout.MmCidOffset));

    /// <summary>
    /// Sets or clears rseq_cs. A thread that used a critical section clears it before the code it
    /// points to is unmapped: the kernel reads the descriptor at the next preemption otherwise.
    /// </summary>
    public static void WriteRseqCs(nint area, nint descriptor) => Volatile.Write(ref *(long*)(area + RseqLayout.RseqCsOffset), descriptor);

    public static int ReadCpuIdStart(nint area) => Volatile.Read(ref *(int*)(area + RseqLayout.CpuIdStartOffset));

    /// <summary>
    /// Overwrites cpu_id_start, which the ABI documents as read-only for user space; TCMalloc does it
    /// anyway and relies on the kernel restoring it, which is what legacy_cpu_id_start checks.
    /// </summary>
    public static void WriteCpuIdStart(nint area, int value) => Volatile.Write(ref *(int*)(area + RseqLayout.CpuIdStartOffset), value);
}
