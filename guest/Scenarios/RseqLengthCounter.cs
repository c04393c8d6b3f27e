using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios;

/// <summary>
/// Adds the rseq_len counter to a scenario that runs on the process's registrations, so the table
/// shows which ABI a result used: 32 under v1 (glibc's), more in a _v2 scenario's child, where this
/// same wrapper runs around the twin under ABI v2. Every thread of a process registers the same
/// length, so the main thread's registration stands for its workers'.
/// </summary>
internal sealed class RseqLengthCounter(IScenario scenario, RseqRegistrar registrar) : IScenario
{
    public string Name => scenario.Name;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var outcome = scenario.Run(settings);
        return With(outcome, registrar.ForCurrentThread());
    }

    /// <summary>The outcome with rseq_len last among its counters; unchanged when there was no registration.</summary>
    internal static ScenarioOutcome With(ScenarioOutcome outcome, RseqRegistration registration) =>
        registration.IsAvailable
            ? outcome with { Counters = [.. outcome.Counters, new(CounterNames.RseqLength, registration.Length)] }
            : outcome;
}
