namespace Protocol;

/// <summary>
/// The beginnings of the SKIP reasons that say a kernel lacks a feature. The harness holds a SKIP
/// against the kernel's version (rseq is in every kernel since 4.18, node_id and mm_cid and
/// registrations longer than 32 bytes since 6.3),
/// so the guest writes these words and the harness recognises them from this one place.
/// </summary>
public static class SkipReasons
{
    /// <summary>The kernel has no rseq system call (ENOSYS): older than 4.18, or built without CONFIG_RSEQ.</summary>
    public const string NoRseqPrefix = "kernel lacks rseq";

    /// <summary>AT_RSEQ_FEATURE_SIZE too small for node_id and mm_cid: older than 6.3.</summary>
    public const string NoNodeIdMmCidPrefix = "kernel lacks node_id/mm_cid";

    /// <summary>
    /// No AT_RSEQ_FEATURE_SIZE: the kernel accepts only 32-byte (ABI v1) registrations, so the _v2
    /// scenarios cannot run. Older than 6.3. Not "kernel lacks rseq…": that one says no rseq at all.
    /// </summary>
    public const string NoAbiV2Prefix = "kernel lacks ABI v2 rseq registrations";

    public static string NoRseq(string detail) => $"{NoRseqPrefix}: {detail}";

    public static string NoAbiV2(long featureSize) =>
        $"{NoAbiV2Prefix} (longer than 32 bytes; rseq feature size {featureSize}: no AT_RSEQ_FEATURE_SIZE in the auxiliary vector)";

    public static bool IsNoRseq(string? reason) => reason?.StartsWith(NoRseqPrefix, StringComparison.Ordinal) == true;
}
