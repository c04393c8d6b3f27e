using Guest.Rseq;

namespace Guest.Scenarios.CsAbort;

/// <summary>What the workers and the migrator of one run counted.</summary>
/// <param name="InvoluntarySwitches">Preemptions of the workers during their armed batches.</param>
/// <param name="UnarmedIncrements">Increments of the unarmed control.</param>
/// <param name="PerThread">"increments/aborts/involuntary switches" of each worker, for the evidence line.</param>
/// <param name="Problem">Why a worker had no rseq area; null when all had one.</param>
internal sealed record CsAbortRunResult(
    long Increments,
    long Aborts,
    long CpuIdOutOfRange,
    long Repins,
    long InvoluntarySwitches,
    long UnarmedIncrements,
    IReadOnlyList<string> PerThread,
    RseqProblem? Problem);
