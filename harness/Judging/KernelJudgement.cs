namespace Harness.Judging;

/// <summary>
/// What a kernel's outcomes say about it as a whole, in the words a bisection needs: the one
/// answer that <c>bisect-step</c> turns into git bisect's exit codes (0, 1, 125) and that later
/// verbs (compare, history) can key on.
/// </summary>
public enum KernelJudgement
{
    /// <summary>Every chosen scenario passed, over enough clean boots.</summary>
    Good,

    /// <summary>A chosen scenario failed, on enough boots.</summary>
    Bad,

    /// <summary>No verdict about the kernel: it did not build or boot, too little stress, ERROR, SKIP, or failures too few to call it bad.</summary>
    Untestable,
}
