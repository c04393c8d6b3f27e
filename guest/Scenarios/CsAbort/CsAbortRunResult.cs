using Guest.Rseq;

namespace Guest.Scenarios.CsAbort;

/// <summary>What the workers and the migrator of one run counted.</summary>
/// <param name="PerThread">"increments/aborts" of each worker, for the evidence line.</param>
/// <param name="Problem">Why a worker had no rseq area; null when all had one.</param>
internal sealed record CsAbortRunResult(
    long Increments,
    long Aborts,
    long CpuIdOutOfRange,
    long Repins,
    IReadOnlyList<string> PerThread,
    RseqProblem? Problem);
