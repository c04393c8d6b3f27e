using Guest.Running;
using Protocol;

namespace Guest.Scenarios.LegacyCpuIdStart;

/// <summary>
/// legacy_cpu_id_start: TCMalloc's contract. A 32-byte registration
/// must get cpu_id_start rewritten after every context switch; the v6.19 rework stopped that until
/// b9eac6a9d93c restored it for ABI v1 registrations.
/// </summary>
internal sealed class LegacyCpuIdStartScenario(RseqOffChild rseqOffChild) : IScenario
{
    /// <summary>Above the probe's own time: the child's start and the sleeps are slow under TCG.</summary>
    static readonly TimeSpan ProbeOverhead = TimeSpan.FromSeconds(60);

    public string Name => ScenarioNames.LegacyCpuIdStart;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var run = LegacyProbeLauncher.Run(rseqOffChild, settings.Duration, settings.StressMultiple, settings.Duration + ProbeOverhead);
        var report = LegacyProbeReport.Parse(run.OutputLines);
        return LegacyCpuIdStartVerdict.Judge(report, run.Failure);
    }
}
