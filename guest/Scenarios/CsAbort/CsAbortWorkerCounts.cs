namespace Guest.Scenarios.CsAbort;

/// <summary>What one worker counted, in its armed and its unarmed batches.</summary>
/// <param name="InvoluntarySwitches">Preemptions of the worker during its armed batches.</param>
/// <param name="UnarmedIncrements">Increments of the unarmed control, which nothing aborts.</param>
internal sealed record CsAbortWorkerCounts(
    long Increments,
    long Aborts,
    long CpuIdOutOfRange,
    long InvoluntarySwitches,
    long UnarmedIncrements)
{
    public static CsAbortWorkerCounts None { get; } = new(0, 0, 0, 0, 0);
}
