using System.Text;
using Guest.Output;
using Guest.Running;
using Guest.Scenarios;

namespace Guest.Tests.Scenarios;

/// <summary>
/// The KTAP the guest writes for one scenario's outcome: the real <see cref="GuestRunner"/> and
/// <see cref="KtapWriter"/> on a memory stream, with no info lines, so the stream is just the
/// version, the plan, that scenario's lines and the done line.
/// </summary>
static class ScenarioKtapStream
{
    static readonly ScenarioSettings Settings = new(TimeSpan.FromSeconds(3), Seed: 1, Threads: 4, Cpus: 4);

    sealed class FixedScenario(string name, ScenarioOutcome outcome) : IScenario
    {
        public string Name => name;
        public ScenarioOutcome Run(ScenarioSettings settings) => outcome;
    }

    public static (int ExitCode, string[] Lines) Emit(string scenario, ScenarioOutcome outcome)
    {
        using var stream = new MemoryStream();
        var exitCode = new GuestRunner(new KtapWriter(stream)).Run(() => [], [new FixedScenario(scenario, outcome)], Settings);
        return (exitCode, Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
