using System.Diagnostics;
using Guest.Rseq;

namespace Guest.Scenarios.CsAbort;

/// <summary>
/// Re-pins random workers to random CPUs until the deadline: every move of a worker that is inside
/// its critical section must abort it, and workers piled onto one CPU preempt each other.
/// </summary>
internal sealed class CsMigrator(ThreadSyscalls threadCalls, Random random)
{
    public long Repins { get; private set; }

    public void Run(IReadOnlyList<int> workerTids, int cpus, long deadlineTimestamp, StopSignal stop)
    {
        long repins = 0;
        while (Stopwatch.GetTimestamp() < deadlineTimestamp && !stop.IsSet)
        {
            var tid = workerTids[random.Next(workerTids.Count)];
            // No pause between moves: each sched_setaffinity of a running worker stops it on its CPU at
            // once, and under TCG a yield here cut the moves (and the aborts they cause) to a few hundred.
            if (threadCalls.PinToCpu(tid, random.Next(cpus)) == 0)
                repins++;
        }
        Repins = repins;
    }
}
