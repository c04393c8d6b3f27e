using Guest.Rseq;
using Guest.Running;
using Protocol;

namespace Guest.Scenarios.AbiV2;

/// <summary>
/// A _v2 scenario's outcome from its child's KTAP stream: the twin's verdict, reason, counters and
/// evidence as the twin's own verdict code produced them. A pure function, tested on recorded streams.
/// </summary>
internal static class AbiV2Outcome
{
    /// <summary>The kernel announces no feature size: it takes 32-byte registrations only.</summary>
    public static ScenarioOutcome Unsupported(long featureSize)
    {
        var problem = RseqProblem.NoAbiV2(featureSize);
        return new ScenarioOutcome(problem.Verdict, problem.Reason, [], []);
    }

    public static ScenarioOutcome FromChild(string twin, ChildProcessRun run)
    {
        var reported = Parse(twin, run.OutputLines);
        // A correct program registered by the ABI is never SIGSEGVed by rseq: a kernel that kills it
        // broke the contract, as a forked child killed by SIGSEGV does in fork_cpu_id.
        if (run.KilledBySegv)
            return new ScenarioOutcome(ScenarioVerdict.Fail,
                $"the ABI v2 child process running {twin} was killed by SIGSEGV (rseq kills a thread whose registered area fails the kernel's checks)",
                reported?.Counters ?? [], reported?.Evidence ?? []);
        if (reported is null)
            return ScenarioOutcome.Error($"the ABI v2 child process left no result for {twin}: {run.Failure ?? "no result line"}");
        // A child that crashed or hung after its result line cannot be trusted to have judged everything.
        return run.Failure is null
            ? reported
            : reported with { Verdict = ScenarioVerdict.Error, Reason = $"the ABI v2 child process failed: {run.Failure}" };
    }

    /// <summary>The twin's outcome in the stream; null when it has no result line for the twin.</summary>
    internal static ScenarioOutcome? Parse(string twin, IEnumerable<string> lines)
    {
        KtapResult? result = null;
        IReadOnlyList<KeyValuePair<string, long>> counters = [];
        var evidence = new List<string>();
        foreach (var line in lines)
        {
            if (KtapLines.TryParseCounters(line, out var scenario, out var parsed) && scenario == twin)
                counters = [.. parsed];
            else if (KtapLines.TryParseEvidence(line, out scenario, out var text) && scenario == twin)
                evidence.Add(text);
            else if (KtapLines.TryParseResult(line, out var parsedResult) && parsedResult.Name == twin)
                result = parsedResult;
        }
        return result is null ? null : new ScenarioOutcome(result.Verdict, result.Reason, counters, evidence);
    }
}
