namespace Guest.Forking;

/// <summary>
/// How many forked children a run may lose (a failed fork, a child that hung, crashed by another
/// signal than SIGSEGV, or exited without its report) and still say something about the kernel.
/// </summary>
internal static class LostChildren
{
    /// <summary>
    /// One in twenty. Every recorded run on good kernels lost none (0 of 191 to 600 fork_cpu_id
    /// children and 0 of 109 to 397 affinity_pin children in 3 s under TCG), so a few lost are a
    /// starved guest (the watchdog's kill after 10 s), not the norm. Above this share the lost
    /// children are too many of the ones that could have shown the fault, so no PASS.
    /// </summary>
    public const double MaximumShare = 0.05;

    /// <param name="lost">Children lost (see the summary).</param>
    /// <param name="tried">Children tried: those that reported and those lost.</param>
    public static bool TooMany(long lost, long tried) => lost > 0 && lost > tried * MaximumShare;

    public static string InsufficientReason(long lost, long tried) =>
        $"insufficient stress: {lost} of {tried} forked children were lost (failed to fork, hung, crashed or left no report), "
        + $"more than {MaximumShare:P0}";
}
