using Protocol;

namespace Guest.Rseq;

/// <summary>
/// Why a thread has no usable rseq area, and what that says about the kernel. Only a kernel that
/// lacks the feature earns a SKIP; a kernel that has rseq yet refuses a proper registration, or
/// accepts one and leaves cpu_id negative, breaks the contract the scenarios check, which is a FAIL
/// (a SKIP there would let a broken kernel pass as merely old). What keeps the guest from testing at
/// all, through no fault the kernel showed, is an ERROR.
/// </summary>
internal sealed record RseqProblem(ScenarioVerdict Verdict, string Reason)
{
    /// <summary>The kernel has no rseq at all (ENOSYS).</summary>
    public static RseqProblem Missing(string detail) => new(ScenarioVerdict.Skip, SkipReasons.NoRseq(detail));

    /// <summary>The kernel announces no feature size, so it takes only 32-byte registrations: no ABI v2 to test.</summary>
    public static RseqProblem NoAbiV2(long featureSize) => new(ScenarioVerdict.Skip, SkipReasons.NoAbiV2(featureSize));

    /// <summary>The kernel has rseq but refused or broke a registration.</summary>
    public static RseqProblem Refused(string detail) => new(ScenarioVerdict.Fail, detail);

    /// <summary>
    /// A FAIL must show what the guest saw; a refused registration has no counters to show it, so
    /// its reason is its evidence.
    /// </summary>
    public static IReadOnlyList<string> EvidenceOf(RseqProblem? problem, IReadOnlyList<string> evidence) =>
        problem is { Verdict: ScenarioVerdict.Fail } && evidence.Count == 0 ? [problem.Reason] : evidence;

    /// <summary>The guest could not set the test up; no verdict about the kernel.</summary>
    public static RseqProblem Untestable(string detail) => new(ScenarioVerdict.Error, detail);
}
