using Guest.Forking;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// Adds up the forked children as the parent reaps them, keeping a few examples as evidence:
/// the violations first (SIGSEGV, negative cpu_id, stale cpu_id); with none, one child that
/// started on another CPU and one resolved mismatch, which show the stress was real.
/// </summary>
internal sealed class ForkTally
{
    readonly List<string> violationExamples = [];
    string? crossCpuExample;
    string? resolvedExample;
    string? failedExample;

    public long Forks { get; private set; }
    public long CrossCpuStarts { get; private set; }
    public long StaleChildren { get; private set; }
    public long ResolvedMismatches { get; private set; }
    public long FailedChildren { get; private set; }
    public long SegvChildren { get; private set; }
    public long NegativeCpuIds { get; private set; }

    /// <summary>Children that showed the kernel breaking the contract: enough of them stop the run.</summary>
    public long Violations => StaleChildren + SegvChildren + NegativeCpuIds;

    /// <summary>fork() itself failed: no child, counted among the failed ones.</summary>
    public void RecordForkFailure(int errno)
    {
        FailedChildren++;
        failedExample ??= $"fork failed errno={errno}";
    }

    /// <summary>A child that crashed, hung or exited without writing its report.</summary>
    public void RecordLostChild(ChildExit exit)
    {
        Forks++;
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
    public void RecordChild(int parentCpu, ReadOnlySpan<ChildSample> samples, ChildClassification classification)
    {
        Forks++;
        var first = samples[0];
        var example = classification.Example;
        var startedElsewhere = parentCpu >= 0 && first.GetCpu >= 0 && first.GetCpu != parentCpu;
        if (startedElsewhere)
        {
            CrossCpuStarts++;
            crossCpuExample ??= $"child started on another CPU: {first} parent_cpu={parentCpu}";
        }

        switch (classification.Observation)
        {
            case ChildObservation.Stale:
                StaleChildren++;
                AddViolation($"child cpu_id={example.CpuIdBefore} getcpu={example.GetCpu} parent_cpu={parentCpu} "
                    + $"stale_rounds={classification.StaleRounds}/{samples.Length}");
                break;
            case ChildObservation.NegativeCpuId:
                NegativeCpuIds++;
                AddViolation($"child read a negative cpu_id from the registration it inherited: {example} parent_cpu={parentCpu}");
                break;
            case ChildObservation.ResolvedMismatch:
                ResolvedMismatches++;
                resolvedExample ??= $"resolved mismatch (a migration between reads): {example} parent_cpu={parentCpu}";
                break;
            case ChildObservation.GetCpuFailed:
                FailedChildren++;
                failedExample ??= $"child {classification.Observation}: {example}";
                break;
        }
    }

    public ForkCpuIdCounts Counts(int cpus, long elapsedMs) =>
        new(Forks, CrossCpuStarts, StaleChildren, ResolvedMismatches, FailedChildren, cpus, elapsedMs, SegvChildren, NegativeCpuIds);

    public IReadOnlyList<string> Evidence()
    {
        if (violationExamples.Count > 0)
            return violationExamples;
        var evidence = new List<string>();
        foreach (var example in (string?[])[crossCpuExample, resolvedExample, failedExample])
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
}
