namespace Guest.Rseq;

/// <summary>Who registered the thread's rseq area.</summary>
internal enum RseqOwner
{
    /// <summary>Nobody: rseq is unavailable on this kernel or registration failed.</summary>
    None,

    /// <summary>glibc (2.35+) registered it at thread start; found via <c>__rseq_offset</c>.</summary>
    Glibc,

    /// <summary>The guest registered its own area because glibc did not.</summary>
    Guest,
}
