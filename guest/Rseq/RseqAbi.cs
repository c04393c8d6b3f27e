namespace Guest.Rseq;

/// <summary>
/// Which rseq registration a process makes, and so which path of a 7.x kernel it exercises
/// (the README's legacy_cpu_id_start scenario): since b9eac6a9d93c a 32-byte registration gets the legacy
/// rewrite on every context switch, a longer one the optimised path that rewrites the IDs only
/// when they changed.
/// </summary>
internal enum RseqAbi
{
    /// <summary>
    /// The original 32 bytes: glibc's registration when glibc made one (glibc up to 2.39 always
    /// registers 32 bytes), else the guest's own 32-byte area.
    /// </summary>
    V1,

    /// <summary>
    /// The guest's own area, longer than 32 bytes, sized and aligned from the auxiliary vector
    /// (<see cref="RseqAreaShape.Extended"/>). Needs a process whose glibc did not register.
    /// </summary>
    V2,
}
