using Harness.Records;
using Protocol;

namespace Harness.Bisect;

/// <summary>What one boot of a commit showed for the chosen scenarios, reduced to the bisect's question.</summary>
/// <param name="Scenarios">Each chosen scenario's outcome word and reason, for the log and the report.</param>
/// <param name="VmSeconds">The boot's wall time in QEMU.</param>
public sealed record BootOutcome(BootVerdict Verdict, string Evidence, IReadOnlyList<ScenarioWord> Scenarios, double VmSeconds)
{
    /// <summary>
    /// FAIL when any chosen scenario failed (a FAIL is evidence whatever the others did); PASS when
    /// every chosen scenario passed; otherwise no verdict (ERROR, SKIP, a scenario missing).
    /// </summary>
    public static BootOutcome From(KernelResult result, IReadOnlyList<string> scenarios)
    {
        var words = scenarios.Select(name => result.Scenarios.FirstOrDefault(s => s.Scenario == name) is { } outcome
                ? new ScenarioWord(name, outcome.Outcome, OneLine(outcome.Reason ?? outcome.Evidence.FirstOrDefault() ?? ""), outcome.Counters)
                : new ScenarioWord(name, ScenarioVerdict.Error, "no outcome", new Dictionary<string, long>()))
            .ToList();
        var vm = result.Timings.VmSeconds ?? 0;
        if (words.FirstOrDefault(w => w.Outcome == ScenarioVerdict.Fail) is { } failed)
            return new(BootVerdict.Fail, $"{failed.Scenario} FAIL: {failed.Reason}", words, vm);
        if (words.All(w => w.Outcome == ScenarioVerdict.Pass))
            return new(BootVerdict.Pass, "PASS", words, vm);
        var other = words.First(w => w.Outcome != ScenarioVerdict.Pass);
        return new(BootVerdict.Untestable, $"{other.Scenario} {other.Outcome.ToString().ToUpperInvariant()}: {other.Reason}", words, vm);
    }

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}

/// <summary>One boot's answer for the chosen scenarios.</summary>
public enum BootVerdict
{
    Pass,
    Fail,
    Untestable,
}

/// <summary>A scenario's outcome on one boot, with its one-line reason and the guest's counters.</summary>
public sealed record ScenarioWord(string Scenario, ScenarioVerdict Outcome, string Reason, IReadOnlyDictionary<string, long> Counters);
