using Harness.Judging;

namespace Harness.Bisect;

/// <summary>One commit (or a matrix bisect's kernel: its name, release and source) tested by the bisect: what was decided, on what evidence, and what it cost.</summary>
/// <param name="BuildSeconds">Configure and make at this commit; 0 when the outcome came from the cache.</param>
/// <param name="VmSeconds">All boots of this commit together; 0 when the outcome came from the cache.</param>
/// <param name="FromCache">The outcome of an earlier identical step (see <see cref="StepCacheKey"/>), nothing built or booted.</param>
/// <param name="Consoles">The boots' consoles, relative to the run folder of the step that made them.</param>
public sealed record StepRecord(
    string Commit,
    string Subject,
    string Author,
    KernelJudgement Verdict,
    string Evidence,
    double BuildSeconds,
    double VmSeconds,
    IReadOnlyList<BootOutcome> Boots,
    IReadOnlyList<string> Consoles,
    bool FromCache = false)
{
    /// <summary>A commit hash cut to 12 characters; a matrix kernel's name as it is.</summary>
    public string ShortCommit => Commit.Length == 40 && Commit.All(char.IsAsciiHexDigit) ? Commit[..12] : Commit;
}
