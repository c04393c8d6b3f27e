namespace Guest.Rseq;

/// <summary>Reads of a registered <c>struct rseq</c>, which the kernel rewrites behind the program's back.</summary>
internal static unsafe class RseqArea
{
    /// <summary>A volatile read, so every call really loads the field the kernel may have rewritten.</summary>
    public static int ReadCpuId(nint area) => Volatile.Read(ref *(int*)(area + RseqLayout.CpuIdOffset));
}
