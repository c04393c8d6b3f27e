namespace Guest.Rseq;

/// <summary>The current thread's rseq area, or why there is none.</summary>
/// <param name="Area">Address of the thread's <c>struct rseq</c>; 0 when unavailable.</param>
internal sealed record RseqRegistration(nint Area, RseqOwner Owner, string? UnavailableReason)
{
    public bool IsAvailable => UnavailableReason is null;

    public static RseqRegistration Unavailable(string reason) => new(0, RseqOwner.None, reason);

    /// <summary>How the info line shows it: the owner, or <c>none</c> with the reason.</summary>
    public string Describe() => Owner switch
    {
        RseqOwner.Glibc => "glibc",
        RseqOwner.Guest => "guest",
        _ => $"none ({UnavailableReason})",
    };
}
