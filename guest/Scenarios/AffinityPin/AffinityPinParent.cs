using Guest.Forking;

namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// affinity_pin's side of the fork loop: judges each pin a child made and tallies them, and stops
/// the forks once the FAIL is sure or the stress reached <paramref name="stressMultiple"/> times its minimums.
/// </summary>
internal sealed unsafe class AffinityPinParent(AffinityPinTally tally, double stressMultiple) : IForkParent<PinReport>
{
    /// <summary>Enough violations (mismatches, negative cpu_id, SIGSEGV) to be sure; stopping there keeps a faulty kernel's run short.</summary>
    const int MismatchesToStop = 20;

    const int MaxChildren = 100_000;

    public bool WantsMoreForks => tally.Violations < MismatchesToStop && tally.Children < MaxChildren
        && !AffinityPinVerdict.StressReached(tally.Children, tally.CrossCpuStarts, tally.Pins, stressMultiple);

    public void RecordForkFailure(int errno) => tally.RecordForkFailure(errno);

    public void RecordLostChild(ChildExit exit) => tally.RecordLostChild(exit);

    public void RecordChild(int parentCpu, PinReport* report)
    {
        Span<PinReading> readings = stackalloc PinReading[PinReport.ReadingsPerPin];
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
