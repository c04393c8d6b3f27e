using System.Diagnostics;
using Guest.Rseq;

namespace Guest.Scenarios.CsAbort;

/// <summary>One thread calling the per-CPU increment in a loop and counting what each call returned.</summary>
internal sealed unsafe class CsAbortWorker(ExecutableStub stub, PerCpuCounters counters)
{
    /// <summary>Calls between clock reads, so the loop spends its time in the stub rather than in the clock.</summary>
    const int CallsPerDeadlineCheck = 256;

    public long Increments { get; private set; }
    public long Aborts { get; private set; }
    public long CpuIdOutOfRange { get; private set; }

    /// <param name="rseqArea">The calling thread's own registered area: the kernel aborts by it.</param>
    public void Run(nint rseqArea, long deadlineTimestamp)
    {
        var increment = stub.Increment;
        var counterBase = counters.Address;
        long increments = 0, aborts = 0, outOfRange = 0;
        try
        {
            do
            {
                for (var call = 0; call < CallsPerDeadlineCheck; call++)
                {
                    var result = increment(rseqArea, counterBase);
                    if (result >= 0)
                        increments++;
                    else if (result == PerCpuIncrementCode.Aborted)
                        aborts++;
                    else
                        outOfRange++;
                }
            }
            while (Stopwatch.GetTimestamp() < deadlineTimestamp);
        }
        finally
        {
            // The stub leaves rseq_cs armed; clear it before the page can be unmapped.
            RseqArea.WriteRseqCs(rseqArea, 0);
            Increments = increments;
            Aborts = aborts;
            CpuIdOutOfRange = outOfRange;
        }
    }
}
