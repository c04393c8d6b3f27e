namespace Guest.Rseq;

/// <summary>
/// The x86-64 <c>struct rseq</c> ABI: field offsets of the original 32-byte layout (node_id and
/// mm_cid since 6.3), registration constants and the special cpu_id values.
/// </summary>
internal static class RseqLayout
{
    public const int CpuIdStartOffset = 0;
    public const int CpuIdOffset = 4;
    public const int RseqCsOffset = 8;
    public const int FlagsOffset = 16;
    public const int NodeIdOffset = 20;
    public const int MmCidOffset = 24;

    /// <summary>offsetofend(struct rseq, mm_cid): a feature size from here on has node_id and mm_cid.</summary>
    public const int MmCidFeatureSize = MmCidOffset + sizeof(int);

    /// <summary>The original ("legacy", ABI v1) registration length; every kernel with rseq accepts it.</summary>
    public const int OriginalSize = 32;
    public const int OriginalAlignment = 32;

    /// <summary>The x86 abort signature glibc also uses; a registration must pass the same one.</summary>
    public const uint Signature = 0x53053053;

    public const int FlagUnregister = 1;

    /// <summary>cpu_id before the kernel first wrote the area.</summary>
    public const int CpuIdUninitialized = -1;

    /// <summary>cpu_id glibc leaves when its registration failed.</summary>
    public const int CpuIdRegistrationFailed = -2;

    /// <summary>Auxiliary vector keys the kernel sets since 6.3.</summary>
    public const int AtRseqFeatureSize = 27;
    public const int AtRseqAlign = 28;
}
