using Guest.Forking;

namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// Adds up the children's pins as the parent reaps them, keeping a few examples as evidence: the
/// violations first (mismatches, negative cpu_id, SIGSEGV); with none, examples that show the
/// stress was real.
/// </summary>
internal sealed class AffinityPinTally
{
    readonly List<string> violationExamples = [];
    string? crossCpuExample;
    string? failedExample;

    public long Children { get; private set; }
    public long CrossCpuStarts { get; private set; }
    public long Pins { get; private set; }
    public long PinMismatches { get; private set; }
    public long FirstPinMismatches { get; private set; }
    public long RightOnReread { get; private set; }
    public long FailedPins { get; private set; }
    public long FailedChildren { get; private set; }
    public long SegvChildren { get; private set; }
    public long NegativeCpuIds { get; private set; }

    /// <summary>Pins and children that showed the kernel breaking the contract: enough of them stop the run.</summary>
    public long Violations => PinMismatches + SegvChildren + NegativeCpuIds;

    public void RecordForkFailure(int errno)
    {
        FailedChildren++;
        failedExample ??= $"fork failed errno={errno}";
    }

    public void RecordLostChild(ChildExit exit)
    {
        if (exit.IsKilledBySegv)
        {
            SegvChildren++;
            AddViolation($"child {exit} before its report");
            return;
        }
        FailedChildren++;
        failedExample ??= $"child {exit} without a report";
    }

    /// <param name="parentCpu">getcpu of the parent just before fork; -1 when unknown.</param>
    public void RecordChild(int parentCpu, int startCpu, int cpuIdAtStart)
    {
        Children++;
        if (parentCpu < 0 || startCpu < 0 || startCpu == parentCpu)
            return;
        CrossCpuStarts++;
        crossCpuExample ??= $"child started on cpu {startCpu} with cpu_id={cpuIdAtStart}, parent on cpu {parentCpu}";
    }

    /// <param name="toStartCpu">The first pin, to the CPU the child started on: no migration refreshes cpu_id.</param>
    public void RecordPin(bool toStartCpu, int target, int parentCpu, PinObservation observation, ReadOnlySpan<PinReading> readings)
    {
        var pinName = toStartCpu ? $"first pin, to the start cpu {target}" : $"pin to cpu {target}";
        switch (observation)
        {
            case PinObservation.Consistent:
                Pins++;
                break;
            case PinObservation.Mismatch:
            case PinObservation.MismatchRightOnReread:
                Pins++;
                PinMismatches++;
                if (toStartCpu)
                    FirstPinMismatches++;
                var rightOnReread = observation == PinObservation.MismatchRightOnReread;
                if (rightOnReread)
                    RightOnReread++;
                AddViolation(rightOnReread
                    ? $"after {pinName}: wrong, then right on a re-read: {Describe(readings)} parent_cpu={parentCpu}"
                    : $"after {pinName}: {readings[0]} parent_cpu={parentCpu}, same over {readings.Length} reads");
                break;
            case PinObservation.NegativeCpuId:
                Pins++;
                NegativeCpuIds++;
                AddViolation($"negative cpu_id after {pinName}: {Describe(readings)}");
                break;
            case PinObservation.PinFailed:
                FailedPins++;
                failedExample ??= $"{observation} after {pinName}: {Describe(readings)}";
                break;
        }
    }

    public AffinityPinCounts Counts(int cpus, long elapsedMs) =>
        new(Children, CrossCpuStarts, Pins, PinMismatches, FirstPinMismatches, RightOnReread, FailedPins,
            FailedChildren, cpus, elapsedMs, SegvChildren, NegativeCpuIds);

    public IReadOnlyList<string> Evidence()
    {
        if (violationExamples.Count > 0)
            return violationExamples;
        var evidence = new List<string>();
        foreach (var example in (string?[])[crossCpuExample, failedExample])
        {
            if (example is not null)
                evidence.Add(example);
        }
        return evidence;
    }

    void AddViolation(string example)
    {
        if (violationExamples.Count < ScenarioOutcome.MaxEvidenceLines)
            violationExamples.Add(example);
    }

    static string Describe(ReadOnlySpan<PinReading> readings)
    {
        var parts = new string[readings.Length];
        for (var index = 0; index < readings.Length; index++)
            parts[index] = readings[index].ToString();
        return string.Join(" | ", parts);
    }
}
