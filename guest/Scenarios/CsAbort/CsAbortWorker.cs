using System.Diagnostics;
using Guest.Rseq;

namespace Guest.Scenarios.CsAbort;

/// <summary>
/// One thread calling the per-CPU increment in a loop, in batches that alternate between the armed
/// critical section and the unarmed control, and counting what each call returned and how often
/// the thread was preempted while armed.
/// </summary>
/// <remarks>
/// Alternating batches, rather than an unarmed run after the armed one, put both under the same
/// stress at the same time: the same threads, the same migrator, the same load on the host.
/// </remarks>
internal sealed unsafe class CsAbortWorker(
    ExecutableStub armed, PerCpuCounters armedCounters, ExecutableStub unarmed, PerCpuCounters unarmedCounters, ThreadSyscalls threadCalls)
{
    /// <summary>Calls per batch, between clock and getrusage reads, so the loop spends its time in the stub.</summary>
    const int CallsPerBatch = 256;

    // The running counts, published after every pair of batches for the main thread's stop decision.
    long abortsSoFar, switchesSoFar, unarmedSoFar, outOfRangeSoFar;

    public CsAbortWorkerCounts Counts { get; private set; } = CsAbortWorkerCounts.None;

    /// <summary>The counts up to the last finished pair of batches, readable from another thread while this one runs.</summary>
    public CsAbortWorkerCounts Progress => new(0, Volatile.Read(ref abortsSoFar), Volatile.Read(ref outOfRangeSoFar),
        Volatile.Read(ref switchesSoFar), Volatile.Read(ref unarmedSoFar));

    /// <param name="rseqArea">The calling thread's own registered area: the kernel aborts by it.</param>
    /// <param name="stop">Set once the scenario has its stress or its FAIL: the worker stops before the deadline.</param>
    public void Run(nint rseqArea, long deadlineTimestamp, StopSignal stop)
    {
        var armedIncrement = armed.Increment;
        var unarmedIncrement = unarmed.Increment;
        var armedBase = armedCounters.Address;
        var unarmedBase = unarmedCounters.Address;
        long increments = 0, aborts = 0, outOfRange = 0, switches = 0, unarmedIncrements = 0;
        try
        {
            var before = threadCalls.InvoluntarySwitches();
            do
            {
                for (var call = 0; call < CallsPerBatch; call++)
                {
                    var result = armedIncrement(rseqArea, armedBase);
                    if (result >= 0)
                        increments++;
                    else if (result == PerCpuIncrementCode.Aborted)
                        aborts++;
                    else
                        outOfRange++;
                }
                var afterArmed = threadCalls.InvoluntarySwitches();
                if (before >= 0 && afterArmed >= before)
                    switches += afterArmed - before;

                for (var call = 0; call < CallsPerBatch; call++)
                {
                    // Unarmed, nothing aborts: the only failure is a cpu_id beyond the counters.
                    if (unarmedIncrement(rseqArea, unarmedBase) >= 0)
                        unarmedIncrements++;
                    else
                        outOfRange++;
                }
                before = threadCalls.InvoluntarySwitches();
                Volatile.Write(ref abortsSoFar, aborts);
                Volatile.Write(ref switchesSoFar, switches);
                Volatile.Write(ref unarmedSoFar, unarmedIncrements);
                Volatile.Write(ref outOfRangeSoFar, outOfRange);
            }
            while (Stopwatch.GetTimestamp() < deadlineTimestamp && !stop.IsSet);
        }
        finally
        {
            // The armed stub leaves rseq_cs armed; clear it before the page can be unmapped.
            RseqArea.WriteRseqCs(rseqArea, 0);
            Counts = new CsAbortWorkerCounts(increments, aborts, outOfRange, switches, unarmedIncrements);
        }
    }
}
