using Guest.Rseq;
using Guest.Scenarios.AffinityPin;
using Guest.Scenarios.ForkCpuId;
using Guest.Scenarios.LegacyCpuIdStart;
using Guest.Scenarios.MigrationStorm;
using Protocol;

namespace Guest.Scenarios;

/// <summary>Maps a scenario name to its implementation: one switch, no reflection, trimming-safe.</summary>
internal sealed class ScenarioCatalog(LibC libc, Syscalls syscalls, RseqRegistrar registrar)
{
    /// <summary>The scenario of that name, or null when the guest does not know it.</summary>
    public IScenario? Create(string name) => name switch
    {
        ScenarioNames.ForkCpuId => new ForkCpuIdScenario(libc, syscalls, registrar),
        ScenarioNames.AffinityPin => new AffinityPinScenario(libc, syscalls, registrar),
        ScenarioNames.MigrationStorm => new MigrationStormScenario(libc, syscalls),
        ScenarioNames.LegacyCpuIdStart => new LegacyCpuIdStartScenario(),
        _ => null,
    };
}
