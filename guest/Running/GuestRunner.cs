using Guest.Output;
using Guest.Scenarios;
using Protocol;

namespace Guest.Running;

/// <summary>
/// Runs the chosen scenarios and writes the whole KTAP stream. A scenario that throws gets an ERROR
/// line with the message; the stream always ends with the done line, because the harness trusts
/// only a complete stream. Around each scenario it writes a begin and an end marker to the kernel
/// log, and a done marker after the stream's last line, so the harness can place a kernel bug on
/// the console in time (<see cref="ConsoleMarkers"/>).
/// </summary>
internal sealed class GuestRunner(KtapWriter writer, IKernelLog? kernelLog = null)
{
    readonly IKernelLog _kernelLog = kernelLog ?? NoKernelLog.Instance;

    public const int ExitAllScenariosRan = 0;
    public const int ExitCrashed = 1;

    /// <param name="describeGuest">The info lines; called inside the guard, so a failure there is reported too.</param>
    /// <param name="afterPlan">Test only: an injected fault, inside the first scenario's window (after its begin marker).</param>
    public int Run(
        Func<IReadOnlyList<KeyValuePair<string, string>>> describeGuest,
        IReadOnlyList<IScenario> scenarios,
        ScenarioSettings settings,
        Action? afterPlan = null)
    {
        var exitCode = ExitCrashed;
        try
        {
            writer.WriteLine(KtapLines.Version);
            foreach (var (key, value) in describeGuest())
                writer.WriteLine(KtapLines.Info(key, value));
            writer.WriteLine(KtapLines.Plan(scenarios.Count));
            if (scenarios.Count == 0)
                afterPlan?.Invoke();
            for (var index = 0; index < scenarios.Count; index++)
            {
                var name = scenarios[index].Name;
                _kernelLog.Write(ConsoleMarkers.Begin(name));
                // The fault tests show a kernel bug while a scenario runs: it fires inside the window.
                if (index == 0)
                    afterPlan?.Invoke();
                WriteOutcome(index + 1, name, RunGuarded(scenarios[index], settings));
                _kernelLog.Write(ConsoleMarkers.End(name));
            }
            exitCode = ExitAllScenariosRan;
        }
        catch (Exception exception)
        {
            writer.WriteLine(KtapLines.Diagnostic($"guest crashed: {exception.GetType().Name}: {exception.Message}"));
        }
        finally
        {
            writer.WriteLine(KtapLines.Done(exitCode));
            _kernelLog.Write(ConsoleMarkers.Done(exitCode));
        }
        return exitCode;
    }

    static ScenarioOutcome RunGuarded(IScenario scenario, ScenarioSettings settings)
    {
        try
        {
            return scenario.Run(settings);
        }
        catch (Exception exception)
        {
            return ScenarioOutcome.Error($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    void WriteOutcome(int number, string name, ScenarioOutcome outcome)
    {
        if (outcome.Counters.Count > 0)
            writer.WriteLine(KtapLines.Counters(name, outcome.Counters));
        for (var line = 0; line < outcome.Evidence.Count && line < ScenarioOutcome.MaxEvidenceLines; line++)
            writer.WriteLine(KtapLines.Evidence(name, outcome.Evidence[line]));
        writer.WriteLine(KtapLines.Result(number, name, outcome.Verdict, outcome.Reason));
    }
}
