using Guest.Rseq;

namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>Adds up the probe's sleeps, keeping the first survivals (or one good sleep) as evidence.</summary>
internal sealed class LegacyProbeTally
{
    readonly List<string> survivalExamples = [];
    string? rewrittenExample;
    string? wrongExample;
    string? notSwitchedExample;

    public long Sleeps { get; private set; }
    public long SwitchedSleeps { get; private set; }
    public long SentinelSurvived { get; private set; }
    public long WrongCpuRewrites { get; private set; }

    public void Record(SleepSample sample)
    {
        Sleeps++;
        var observation = SleepClassifier.Classify(sample);
        if (observation != SleepObservation.NotSwitched)
            SwitchedSleeps++;
        switch (observation)
        {
            case SleepObservation.NotSwitched:
                notSwitchedExample ??= $"sleep {Sleeps} without a context switch: {sample}";
                break;
            case SleepObservation.Rewritten:
                rewrittenExample ??= $"sleep {Sleeps}: sentinel rewritten, {sample}";
                break;
            case SleepObservation.SentinelSurvived:
                SentinelSurvived++;
                if (survivalExamples.Count < ScenarioOutcome.MaxEvidenceLines)
                    survivalExamples.Add($"sleep {Sleeps}: sentinel survived a context switch, {sample}");
                break;
            case SleepObservation.WrongCpu:
                WrongCpuRewrites++;
                wrongExample ??= $"sleep {Sleeps}: rewritten to another cpu, {sample}";
                break;
        }
    }

    /// <param name="rseqLength">The length the probe registered; 0 when it registered nothing.</param>
    public LegacyProbeReport Report(int pinnedCpu, long elapsedMs, RseqProblem? unavailable, int rseqLength = 0) =>
        new(new LegacyProbeCounts(Sleeps, SwitchedSleeps, SentinelSurvived, WrongCpuRewrites, pinnedCpu, elapsedMs, rseqLength),
            unavailable,
            Evidence());

    IReadOnlyList<string> Evidence()
    {
        if (survivalExamples.Count > 0)
            return survivalExamples;
        var evidence = new List<string>();
        foreach (var example in (string?[])[wrongExample, rewrittenExample, notSwitchedExample])
        {
            if (example is not null)
                evidence.Add(example);
        }
        return evidence;
    }
}
