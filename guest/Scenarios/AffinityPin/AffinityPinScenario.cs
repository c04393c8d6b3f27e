using System.Diagnostics;
using System.Runtime.InteropServices;
using Guest.Rseq;
using Guest.Scenarios.ForkCpuId;
using Protocol;

namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// affinity_pin: glibc's tst-affinity. A forked child pins itself to the CPU it runs on, then to
/// every other CPU; after each pin cpu_id and cpu_id_start must name the target CPU. On a kernel
/// without ce3614daabea the first pin shows the parent's CPU, as glibc saw it.
/// </summary>
/// <remarks>
/// Forks the same way as fork_cpu_id (its shared page, waiter and watchdog): nothing allocated
/// per fork, so a GC can start only on this thread between forks.
/// </remarks>
internal sealed unsafe class AffinityPinScenario(LibC libc, Syscalls syscalls, RseqRegistrar registrar) : IScenario
{
    /// <summary>Enough persistent mismatches to be sure; stopping there keeps a faulty kernel's run short.</summary>
    const int MismatchesToStop = 20;

    const int MaxChildren = 100_000;
    const int MaxConsecutiveForkFailures = 10;
    static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(10);

    public string Name => ScenarioNames.AffinityPin;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var stopwatch = Stopwatch.StartNew();
        var tally = new AffinityPinTally();
        var rseq = registrar.ForCurrentThread();
        var cpus = new CpuAffinity(libc).AllowedCpus();
        if (cpus.Count >= AffinityPinVerdict.MinimumCpus && rseq.IsAvailable)
            ForkUntilDone(rseq.Area, cpus, settings.Duration, tally);
        var counts = tally.Counts(cpus.Count, stopwatch.ElapsedMilliseconds);
        return AffinityPinVerdict.Judge(counts, rseq.UnavailableReason, tally.Evidence());
    }

    void ForkUntilDone(nint rseqArea, IReadOnlyList<int> cpus, TimeSpan duration, AffinityPinTally tally)
    {
        using var page = SharedPage.Map(libc, sizeof(PinReport));
        var report = (PinReport*)page.Address;
        var cpuList = (int*)NativeMemory.Alloc((nuint)cpus.Count, sizeof(int));
        try
        {
            for (var index = 0; index < cpus.Count; index++)
                cpuList[index] = cpus[index];
            var child = new PinChildContext(rseqArea, report, cpuList, cpus.Count, libc.Syscall, libc.Exit);
            ForkLoop(child, duration, tally);
        }
        finally
        {
            NativeMemory.Free(cpuList);
        }
    }

    void ForkLoop(PinChildContext child, TimeSpan duration, AffinityPinTally tally)
    {
        var report = child.Report;
        using var watchdog = new ChildWatchdog(libc);
        var waiter = new ChildWaiter(libc, watchdog);
        Span<PinReading> readings = stackalloc PinReading[PinReport.ReadingsPerPin];
        var consecutiveForkFailures = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration && tally.PinMismatches < MismatchesToStop && tally.Children < MaxChildren)
        {
            *report = default;
            var parentCpu = syscalls.GetCpu();
            var pid = libc.Fork();
            if (pid == 0)
                PinChild.Run(child); // ends in _exit: the child never comes back here

            if (pid < 0)
            {
                var errno = Marshal.GetLastSystemError();
                tally.RecordForkFailure(errno);
                if (++consecutiveForkFailures >= MaxConsecutiveForkFailures)
                    throw new InvalidOperationException($"fork failed {consecutiveForkFailures} times in a row (errno {errno})");
                continue;
            }
            consecutiveForkFailures = 0;

            if (!waiter.WaitForCleanExit(pid, ChildTimeout) || Volatile.Read(ref report->Completed) != PinReport.CompletedMarker)
            {
                tally.RecordLostChild();
                continue;
            }
            tally.RecordChild(parentCpu, report->StartCpu, report->CpuIdAtStart);
            for (var pin = 0; pin < report->PinCount; pin++)
            {
                PinReport.CopyReadings(report, pin, readings);
                var target = report->Target[pin];
                var observation = PinClassifier.Classify(target, report->Result[pin], readings);
                tally.RecordPin(pin == 0 && target == report->StartCpu, target, parentCpu, observation, readings);
            }
        }
    }
}
