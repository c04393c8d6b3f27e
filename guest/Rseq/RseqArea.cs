namespace Guest.Rseq;

/// <summary>Reads of a registered <c>struct rseq</c>, which the kernel rewrites behind the program's back.</summary>
internal static unsafe class RseqArea
{
    /// <summary>A volatile read, so every call really loads the field the kernel may have rewritten.</summary>
    public static int ReadCpuId(nint area) => Volatile.Read(ref *(int*)(area + RseqLayout.CpuIdOffset));

    public static int ReadCpuIdStart(nint area) => Volatile.Read(ref *(int*)(area + RseqLayout.CpuIdStartOffset));

    /// <summary>
    /// Overwrites cpu_id_start, which the ABI documents as read-only for user space; TCMalloc does it
    /// anyway and relies on the kernel restoring it, which is what legacy_cpu_id_start checks.
    /// </summary>
    public static void WriteCpuIdStart(nint area, int value) => Volatile.Write(ref *(int*)(area + RseqLayout.CpuIdStartOffset), value);
}
