namespace Guest.Rseq;

/// <summary>The current thread's rseq area, or why there is none.</summary>
/// <param name="Area">Address of the thread's <c>struct rseq</c>; 0 when unavailable.</param>
/// <param name="Length">The rseq_len the area was registered with (32 for ABI v1); 0 when unavailable.</param>
/// <param name="Problem">Why there is no area, and whether that is a SKIP or a FAIL; null when there is one.</param>
internal sealed record RseqRegistration(nint Area, RseqOwner Owner, int Length, RseqProblem? Problem)
{
    public bool IsAvailable => Problem is null;

    public static RseqRegistration Unavailable(RseqProblem problem) => new(0, RseqOwner.None, 0, problem);

    /// <summary>How the info line shows it: the owner, or <c>none</c> with the reason.</summary>
    public string Describe() => Owner switch
    {
        RseqOwner.Glibc => "glibc",
        RseqOwner.Guest => "guest",
        _ => $"none ({Problem?.Reason})",
    };
}
