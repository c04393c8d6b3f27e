using System.Diagnostics;
using Guest.Rseq;

namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>
/// The loop one thread runs: intervals bracketed by its context-switch count, each with a getcpu
/// and repeated mm_cid reads. It allocates nothing and writes into a buffer the parent made.
/// </summary>
internal sealed class CidSampler(Syscalls syscalls, ThreadSyscalls threadCalls, nint rseqArea, int thread, CidSample[] buffer, StopSignal stop, SamplingGate gate)
{
    int count;

    /// <summary>mm_cid reads inside an interval: they lengthen it, so intervals of threads overlap more.</summary>
    const int ReadsPerInterval = 16;

    /// <summary>
    /// Intervals recorded; the loop stops at the deadline, when told to, or when the buffer is full.
    /// Published after each sample is written, so another thread may read the count while this one runs.
    /// </summary>
    public int Count => Volatile.Read(ref count);

    public void Run(long deadlineTimestamp)
    {
        var switchesBefore = threadCalls.ContextSwitches();
        var cidBefore = RseqArea.ReadMmCid(rseqArea);
        while (count < buffer.Length)
        {
            gate.PassThrough();
            var start = Stopwatch.GetTimestamp();
            if (start >= deadlineTimestamp || stop.IsSet)
                break;
            var cpu = syscalls.GetCpu();
            var node = RseqArea.ReadNodeId(rseqArea);
            var cid = RseqArea.ReadMmCid(rseqArea);
            var steady = cid == cidBefore;
            for (var read = 0; read < ReadsPerInterval; read++)
                steady &= RseqArea.ReadMmCid(rseqArea) == cid;
            var end = Stopwatch.GetTimestamp();
            var switchesAfter = threadCalls.ContextSwitches();
            // Read again after the kernel returned: a cid the kernel changed without a switch shows here.
            var cidAfter = RseqArea.ReadMmCid(rseqArea);
            var undisturbed = steady && cpu >= 0 && switchesAfter >= 0 && switchesAfter == switchesBefore && cidAfter == cid;
            buffer[count] = new CidSample(thread, start, end, cpu, node, cid, undisturbed);
            Volatile.Write(ref count, count + 1);
            switchesBefore = switchesAfter;
            cidBefore = cidAfter;
        }
    }
}
