using System.Numerics;

namespace Guest.Rseq;

/// <summary>The length a registration passes to rseq(2) and the alignment of its area.</summary>
internal sealed record RseqAreaShape(int Length, int Alignment)
{
    /// <summary>The original 32 bytes, 32-byte aligned: every kernel with rseq accepts it.</summary>
    public static RseqAreaShape Original { get; } = new(RseqLayout.OriginalSize, RseqLayout.OriginalAlignment);

    /// <summary>
    /// An ABI v2 registration: longer than 32 bytes, holding every field the kernel announces, as
    /// the kernel accepts it. Since 6.3 (ee3e3ac05c26, "rseq: Introduce extensible rseq ABI")
    /// sys_rseq takes a length other than 32 when it is at least AT_RSEQ_FEATURE_SIZE and the area
    /// is aligned on AT_RSEQ_ALIGN (7.2: <c>rseq_length_valid()</c>); 5.10 takes exactly 32 and
    /// nothing else. The feature size alone is not the answer: 6.3 to 6.18 announce 28, below the
    /// 32 every registration needs, and 7.x announce 33. So the area is the smallest multiple of the
    /// alignment that holds the feature size and is longer than 32 bytes (64 on 6.12 and on 7.2),
    /// and the whole area is registered.
    /// </summary>
    /// <param name="featureSize">getauxval(AT_RSEQ_FEATURE_SIZE): 0 before 6.3.</param>
    /// <param name="alignment">getauxval(AT_RSEQ_ALIGN): 0 before 6.3.</param>
    /// <returns>Null when the kernel announces no feature size: it accepts 32 bytes only.</returns>
    public static RseqAreaShape? Extended(long featureSize, long alignment)
    {
        if (featureSize <= 0 || featureSize > MaxFeatureSize)
            return null;
        // The uapi header asks for max(AT_RSEQ_ALIGN, 32); a power of two, as the kernel computes it.
        var align = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(alignment, RseqLayout.OriginalAlignment, MaxFeatureSize));
        var needed = Math.Max(featureSize, RseqLayout.OriginalSize + 1);
        var length = (int)((needed + align - 1) / align * align);
        return new RseqAreaShape(length, align);
    }

    /// <summary>A bound far above any struct rseq, so a nonsense auxv value cannot size a huge area.</summary>
    const int MaxFeatureSize = 4096;

    /// <summary>Longer than the original 32 bytes: on 7.x the kernel then takes the v2 path.</summary>
    public bool IsExtended => Length > RseqLayout.OriginalSize;
}
