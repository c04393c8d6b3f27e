using Guest.Forking;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// fork_cpu_id's side of the fork loop: judges each child's rounds and tallies them, and stops the
/// forks once the FAIL is sure or the stress reached <paramref name="stressMultiple"/> times its minimum.
/// </summary>
internal sealed unsafe class ForkCpuIdParent(ForkTally tally, double stressMultiple) : IForkParent<ChildReport>
{
    /// <summary>Enough violating children (stale, SIGSEGV, negative cpu_id) to be sure; stopping there keeps a buggy kernel's run short.</summary>
    const int StaleChildrenToStop = 20;

    const int MaxForks = 100_000;

    public bool WantsMoreForks => tally.Violations < StaleChildrenToStop && tally.Forks < MaxForks
        && !ForkCpuIdVerdict.StressReached(tally.CrossCpuStarts, stressMultiple);

    public void RecordForkFailure(int errno) => tally.RecordForkFailure(errno);

    public void RecordLostChild(ChildExit exit) => tally.RecordLostChild(exit);

    public void RecordChild(int parentCpu, ChildReport* report)
    {
        Span<ChildSample> samples = stackalloc ChildSample[ChildReport.Rounds];
        report->CopySamples(samples);
        tally.RecordChild(parentCpu, samples, ChildClassifier.Classify(samples));
    }
}
