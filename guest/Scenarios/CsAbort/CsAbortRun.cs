using System.Diagnostics;
using Guest.Rseq;

namespace Guest.Scenarios.CsAbort;

/// <summary>Starts the workers and the migrator, releases them together, and adds up their counts.</summary>
/// <remarks>Every worker runs the armed stub on <paramref name="counters"/> and the unarmed control on <paramref name="unarmedCounters"/>.</remarks>
internal sealed class CsAbortRun(
    LibC libc, Syscalls syscalls, RseqAbi abi, ThreadSyscalls threadCalls,
    ExecutableStub stub, PerCpuCounters counters, ExecutableStub unarmedStub, PerCpuCounters unarmedCounters)
{
    public CsAbortRunResult Execute(int threads, ScenarioSettings settings)
    {
        var workers = new CsAbortWorker[threads];
        var tids = new int[threads];
        var problems = new RseqProblem?[threads];
        using var ready = new CountdownEvent(threads);
        using var go = new ManualResetEventSlim();
        long deadline = 0;
        var stop = new StopSignal();
        var started = new Thread[threads];
        for (var index = 0; index < threads; index++)
        {
            var thread = index;
            workers[thread] = new CsAbortWorker(stub, counters, unarmedStub, unarmedCounters, threadCalls);
            started[thread] = new Thread(() =>
            {
                // Each thread aborts by its own registration: glibc's, or one the guest makes for it.
                var own = new RseqRegistrar(libc, syscalls, abi).ForCurrentThread();
                problems[thread] = own.Problem;
                tids[thread] = threadCalls.GetTid();
                ready.Signal();
                go.Wait();
                if (own.IsAvailable)
                    workers[thread].Run(own.Area, Volatile.Read(ref deadline), stop);
            }) { IsBackground = true, Name = $"cs worker {thread}" };
            started[thread].Start();
        }
        ready.Wait();
        var migrator = new CsMigrator(threadCalls, new Random(unchecked((int)settings.Seed)));
        Volatile.Write(ref deadline, Stopwatch.GetTimestamp() + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency));
        go.Set();
        var migratorThread = new Thread(() => migrator.Run(tids, settings.Cpus, Volatile.Read(ref deadline), stop))
        {
            IsBackground = true,
            Name = "cs migrator",
        };
        migratorThread.Start();
        // A thread without a registration decides the outcome on its own: no point stressing on.
        StressWait.Until(() => problems.Any(problem => problem is not null) || Enough(workers, settings.StressMultiple), settings.Duration);
        stop.Set();
        migratorThread.Join();
        foreach (var thread in started)
            thread.Join();

        var counts = workers.Select(worker => worker.Counts).ToList();
        return new CsAbortRunResult(
            counts.Sum(count => count.Increments),
            counts.Sum(count => count.Aborts),
            counts.Sum(count => count.CpuIdOutOfRange),
            migrator.Repins,
            counts.Sum(count => count.InvoluntarySwitches),
            counts.Sum(count => count.UnarmedIncrements),
            [.. counts.Select(count => $"{count.Increments}/{count.Aborts}/{count.InvoluntarySwitches}")],
            problems.FirstOrDefault(problem => problem is not null));
    }

    /// <summary>
    /// The stress target or a sure FAIL, from the workers' published counts. The unarmed lost updates
    /// are estimated low: the counters already hold increments a worker has not published yet.
    /// </summary>
    bool Enough(IReadOnlyList<CsAbortWorker> workers, double stressMultiple)
    {
        var progress = workers.Select(worker => worker.Progress).ToList();
        var aborts = progress.Sum(count => count.Aborts);
        var lostAtLeast = progress.Sum(count => count.UnarmedIncrements) - unarmedCounters.Sum();
        return CsAbortVerdict.FailConfirmed(aborts, progress.Sum(count => count.InvoluntarySwitches), progress.Sum(count => count.CpuIdOutOfRange))
            || CsAbortVerdict.StressReached(aborts, lostAtLeast, stressMultiple);
    }
}
