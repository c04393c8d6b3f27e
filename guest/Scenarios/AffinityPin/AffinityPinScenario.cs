using System.Diagnostics;
using System.Runtime.InteropServices;
using Guest.Forking;
using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// affinity_pin: glibc's tst-affinity. A forked child pins itself to the CPU it runs on, then to
/// every other CPU; after each pin cpu_id and cpu_id_start must name the target CPU. On a kernel
/// without ce3614daabea the first pin shows the parent's CPU, as glibc saw it.
/// </summary>
/// <remarks>Forks through the same <see cref="ForkLoop"/> as fork_cpu_id.</remarks>
internal sealed unsafe class AffinityPinScenario(LibC libc, Syscalls syscalls, RseqRegistrar registrar) : IScenario
{
    public string Name => ScenarioNames.AffinityPin;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var stopwatch = Stopwatch.StartNew();
        var tally = new AffinityPinTally();
        var rseq = registrar.ForCurrentThread();
        var cpus = new CpuAffinity(libc).AllowedCpus();
        if (cpus.Count >= AffinityPinVerdict.MinimumCpus && rseq.IsAvailable)
            ForkUntilDone(rseq.Area, cpus, settings, tally);
        var counts = tally.Counts(cpus.Count, stopwatch.ElapsedMilliseconds);
        return AffinityPinVerdict.Judge(counts, rseq.Problem, tally.Evidence());
    }

    void ForkUntilDone(nint rseqArea, IReadOnlyList<int> cpus, ScenarioSettings settings, AffinityPinTally tally)
    {
        using var page = SharedPage.Map(libc, sizeof(PinReport));
        var report = (PinReport*)page.Address;
        var cpuList = (int*)NativeMemory.Alloc((nuint)cpus.Count, sizeof(int));
        try
        {
            for (var index = 0; index < cpus.Count; index++)
                cpuList[index] = cpus[index];
            var child = new PinChildContext(rseqArea, report, cpuList, cpus.Count, libc.Syscall, libc.Exit);
            ForkLoop.Run<PinChild, PinChildContext, PinReport>(libc, syscalls, child, report, new AffinityPinParent(tally, settings.StressMultiple), settings.Duration);
        }
        finally
        {
            NativeMemory.Free(cpuList);
        }
    }
}
