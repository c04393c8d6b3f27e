using System.Diagnostics;
using System.Runtime.InteropServices;
using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// fork_cpu_id: does a forked child that starts on another CPU than its parent see its own CPU in
/// rseq's cpu_id, or the parent's stale one (the bug fixed by ce3614daabea)?
/// </summary>
/// <remarks>
/// The loop allocates nothing per fork. With concurrent GC off (see Guest.csproj) a GC can then only
/// start on this thread, between forks, so no child is ever forked in the middle of one.
/// </remarks>
internal sealed unsafe class ForkCpuIdScenario(LibC libc, Syscalls syscalls, RseqRegistrar registrar) : IScenario
{
    /// <summary>Enough stale children to be sure; stopping there keeps a buggy kernel's run short.</summary>
    const int StaleChildrenToStop = 20;

    const int MaxForks = 100_000;
    const int MaxConsecutiveForkFailures = 10;
    static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(10);

    public string Name => ScenarioNames.ForkCpuId;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var stopwatch = Stopwatch.StartNew();
        var tally = new ForkTally();
        var rseq = registrar.ForCurrentThread();
        if (settings.Cpus >= ForkCpuIdVerdict.MinimumCpus && rseq.IsAvailable)
            ForkUntilDone(rseq.Area, settings.Duration, tally);
        var counts = tally.Counts(settings.Cpus, stopwatch.ElapsedMilliseconds);
        return ForkCpuIdVerdict.Judge(counts, rseq.UnavailableReason, tally.Evidence());
    }

    void ForkUntilDone(nint rseqArea, TimeSpan duration, ForkTally tally)
    {
        using var page = SharedPage.Map(libc, sizeof(ChildReport));
        var report = (ChildReport*)page.Address;
        var child = new ForkChildContext(rseqArea, report, libc.Syscall, libc.Exit);
        using var watchdog = new ChildWatchdog(libc);
        var waiter = new ChildWaiter(libc, watchdog);
        Span<ChildSample> samples = stackalloc ChildSample[ChildReport.Rounds];
        var consecutiveForkFailures = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration && tally.StaleChildren < StaleChildrenToStop && tally.Forks < MaxForks)
        {
            *report = default;
            var parentCpu = syscalls.GetCpu();
            var pid = libc.Fork();
            if (pid == 0)
                ForkChild.Run(child); // ends in _exit: the child never comes back here

            if (pid < 0)
            {
                var errno = Marshal.GetLastSystemError();
                tally.RecordForkFailure(errno);
                if (++consecutiveForkFailures >= MaxConsecutiveForkFailures)
                    throw new InvalidOperationException($"fork failed {consecutiveForkFailures} times in a row (errno {errno})");
                continue;
            }
            consecutiveForkFailures = 0;

            if (!waiter.WaitForCleanExit(pid, ChildTimeout) || Volatile.Read(ref report->Completed) != ChildReport.CompletedMarker)
            {
                tally.RecordLostChild();
                continue;
            }
            report->CopySamples(samples);
            tally.RecordChild(parentCpu, samples, ChildClassifier.Classify(samples));
        }
    }
}
