using System.Diagnostics;
using Guest.Forking;
using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// fork_cpu_id: does a forked child that starts on another CPU than its parent see its own CPU in
/// rseq's cpu_id, or the parent's stale one (the bug fixed by ce3614daabea)?
/// </summary>
internal sealed unsafe class ForkCpuIdScenario(LibC libc, Syscalls syscalls, RseqRegistrar registrar) : IScenario
{
    public string Name => ScenarioNames.ForkCpuId;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var stopwatch = Stopwatch.StartNew();
        var tally = new ForkTally();
        var rseq = registrar.ForCurrentThread();
        if (settings.Cpus >= ForkCpuIdVerdict.MinimumCpus && rseq.IsAvailable)
            ForkUntilDone(rseq.Area, settings, tally);
        var counts = tally.Counts(settings.Cpus, stopwatch.ElapsedMilliseconds);
        return ForkCpuIdVerdict.Judge(counts, rseq.Problem, tally.Evidence());
    }

    void ForkUntilDone(nint rseqArea, ScenarioSettings settings, ForkTally tally)
    {
        using var page = SharedPage.Map(libc, sizeof(ChildReport));
        var report = (ChildReport*)page.Address;
        var child = new ForkChildContext(rseqArea, report, libc.Syscall, libc.Exit);
        ForkLoop.Run<ForkChild, ForkChildContext, ChildReport>(libc, syscalls, child, report, new ForkCpuIdParent(tally, settings.StressMultiple), settings.Duration);
    }
}
