namespace Harness.Bisect;

/// <summary>What a bisect step says about a commit, in git bisect's words.</summary>
public enum StepVerdict
{
    /// <summary>Every chosen scenario passed, over enough clean boots (<see cref="FlakyRule"/>).</summary>
    Good,

    /// <summary>A chosen scenario failed, on enough boots (<see cref="FlakyRule"/>).</summary>
    Bad,

    /// <summary>No verdict about the kernel: it did not build or boot, too little stress, ERROR, SKIP, or failures too few to call it bad.</summary>
    Untestable,
}
