namespace Harness.Bisect;

/// <summary>What a bisect found and how: written as bisect.json and bisect.md, and printed.</summary>
/// <param name="Conclusion">Whether a single first bad commit was named, and if not why.</param>
/// <param name="FirstBad">The first bad commit, when one was named.</param>
/// <param name="Candidates">When only untestable commits were left: the commits the culprit is among.</param>
/// <param name="Problem">Why the ends did not check out, or what interrupted the bisect.</param>
/// <param name="Confidence">How far the culprit can be trusted (see <see cref="Bisect.Confidence"/>).</param>
/// <param name="RestoredTo">Where the tree was put back at the end (empty for a matrix bisect).</param>
/// <param name="Over">Commits of a git tree, or the kernels of a matrix (then <see cref="Tree"/> is the matrix file, the ends and the culprit are kernel names).</param>
public sealed record BisectReport(
    string RunId,
    string Tree,
    string Good,
    string Bad,
    IReadOnlyList<string> Scenarios,
    int Repeats,
    string Accel,
    BisectConclusion Conclusion,
    CommitInfo? FirstBad,
    IReadOnlyList<string> Candidates,
    string? Problem,
    string? Confidence,
    IReadOnlyList<BisectStepRow> Steps,
    double WallSeconds,
    string RestoredTo,
    BisectOver Over = BisectOver.Commits)
{
    /// <summary>bisect.json's format; bump on any change a reader would notice.</summary>
    public int SchemaVersion => 1;

    public int Builds => Steps.Count(s => !s.Step.FromCache && s.Step.BuildSeconds > 0);
}

/// <summary>What a bisect halves.</summary>
public enum BisectOver
{
    Commits,
    Kernels,
}

public enum BisectConclusion
{
    FirstBadFound,
    EndsDoNotCheckOut,
    OnlyUntestableLeft,
    Interrupted,
}

/// <summary>A commit as the report names it; for a matrix bisect the kernel's name, release and source.</summary>
public sealed record CommitInfo(string Hash, string Subject, string Author);

/// <summary>A row of the steps table: the good end, the bad end, or a step git bisect chose.</summary>
public sealed record BisectStepRow(string Role, StepRecord Step);
