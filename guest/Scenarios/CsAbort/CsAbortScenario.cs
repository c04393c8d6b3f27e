using System.Diagnostics;
using Guest.Rseq;
using Guest.Topology;
using Protocol;

namespace Guest.Scenarios.CsAbort;

/// <summary>
/// cs_abort: a real rseq critical section. Worker threads increment per-CPU counters inside it
/// while a migrator re-pins them; at the end the counters must sum to exactly the increments the
/// workers saw commit, and the kernel must have aborted sections on the way. The same workers also
/// run the same code unarmed, which must lose updates: proof that the stress could show a missing abort.
/// </summary>
internal sealed class CsAbortScenario(LibC libc, Syscalls syscalls, RseqRegistrar registrar) : IScenario
{
    public string Name => ScenarioNames.CsAbort;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var stopwatch = Stopwatch.StartNew();
        // One more worker than CPUs: with the migrator piling them up, someone is always preempted.
        var threads = Math.Max(1, settings.Threads) + 1;
        var rseq = registrar.ForCurrentThread();
        if (settings.Cpus < CsAbortVerdict.MinimumCpus || !rseq.IsAvailable)
            return CsAbortVerdict.Judge(new CsAbortCounts(threads, 0, 0, 0, 0, 0, settings.Cpus, stopwatch.ElapsedMilliseconds, 0, 0, 0),
                rseq.Problem, []);

        var slots = NumaTopology.Read(settings.Cpus).PossibleCpus;
        var threadCalls = new ThreadSyscalls(libc);
        using var counters = PerCpuCounters.Allocate(slots);
        using var stub = ExecutableStub.Create(libc, threadCalls, slots);
        using var unarmedCounters = PerCpuCounters.Allocate(slots);
        using var unarmedStub = ExecutableStub.Create(libc, threadCalls, slots, armed: false);
        var run = new CsAbortRun(libc, syscalls, registrar.Abi, threadCalls, stub, counters, unarmedStub, unarmedCounters).Execute(threads, settings);
        var counts = new CsAbortCounts(threads, run.Increments, run.Aborts, counters.Sum(), run.CpuIdOutOfRange,
            run.Repins, settings.Cpus, stopwatch.ElapsedMilliseconds, run.InvoluntarySwitches, run.UnarmedIncrements,
            run.UnarmedIncrements - unarmedCounters.Sum());
        return CsAbortVerdict.Judge(counts, run.Problem, Evidence(counters, run));
    }

    static IReadOnlyList<string> Evidence(PerCpuCounters counters, CsAbortRunResult run)
    {
        var perCpu = Enumerable.Range(0, counters.Slots).Select(cpu => counters[cpu]).Where(count => count > 0);
        return
        [
            $"per-cpu counters {string.Join(',', perCpu)}",
            $"per-thread increments/aborts/involuntary switches {string.Join(' ', run.PerThread)}",
        ];
    }
}
