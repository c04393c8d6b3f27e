namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// Adds up the children's pins as the parent reaps them, keeping a few examples as evidence: the
/// persistent mismatches first; with none, examples that show the stress was real.
/// </summary>
internal sealed class AffinityPinTally
{
    readonly List<string> mismatchExamples = [];
    string? crossCpuExample;
    string? resolvedExample;
    string? failedExample;

    public long Children { get; private set; }
    public long CrossCpuStarts { get; private set; }
    public long Pins { get; private set; }
    public long PinMismatches { get; private set; }
    public long FirstPinMismatches { get; private set; }
    public long ResolvedMismatches { get; private set; }
    public long FailedPins { get; private set; }
    public long FailedChildren { get; private set; }

    public void RecordForkFailure(int errno)
    {
        FailedChildren++;
        failedExample ??= $"fork failed errno={errno}";
    }

    public void RecordLostChild()
    {
        FailedChildren++;
        failedExample ??= "child exited without a report";
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
            case PinObservation.ResolvedMismatch:
                Pins++;
                ResolvedMismatches++;
                resolvedExample ??= $"resolved after {pinName}: {Describe(readings)}";
                break;
            case PinObservation.PersistentMismatch:
                Pins++;
                PinMismatches++;
                if (toStartCpu)
                    FirstPinMismatches++;
                if (mismatchExamples.Count < ScenarioOutcome.MaxEvidenceLines)
                    mismatchExamples.Add($"after {pinName}: {readings[0]} parent_cpu={parentCpu}, "
                        + $"same over {readings.Length} reads");
                break;
            case PinObservation.PinFailed:
            case PinObservation.Unavailable:
                FailedPins++;
                failedExample ??= $"{observation} after {pinName}: {Describe(readings)}";
                break;
        }
    }

    public AffinityPinCounts Counts(int cpus, long elapsedMs) =>
        new(Children, CrossCpuStarts, Pins, PinMismatches, FirstPinMismatches, ResolvedMismatches, FailedPins,
            FailedChildren, cpus, elapsedMs);

    public IReadOnlyList<string> Evidence()
    {
        if (mismatchExamples.Count > 0)
            return mismatchExamples;
        var evidence = new List<string>();
        foreach (var example in (string?[])[crossCpuExample, resolvedExample, failedExample])
        {
            if (example is not null)
                evidence.Add(example);
        }
        return evidence;
    }

    static string Describe(ReadOnlySpan<PinReading> readings)
    {
        var parts = new string[readings.Length];
        for (var index = 0; index < readings.Length; index++)
            parts[index] = readings[index].ToString();
        return string.Join(" | ", parts);
    }
}
