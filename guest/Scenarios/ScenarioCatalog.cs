using Guest.Rseq;
using Guest.Scenarios.AffinityPin;
using Guest.Scenarios.CsAbort;
using Guest.Scenarios.ForkCpuId;
using Guest.Scenarios.LegacyCpuIdStart;
using Guest.Scenarios.MigrationStorm;
using Guest.Scenarios.NodeIdMmCid;
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
        ScenarioNames.MigrationStorm => new MigrationStormScenario(libc, syscalls, registrar.Abi),
        ScenarioNames.LegacyCpuIdStart => new LegacyCpuIdStartScenario(),
        ScenarioNames.NodeIdMmCid => new NodeIdMmCidScenario(libc, syscalls, registrar),
        ScenarioNames.CsAbort => new CsAbortScenario(libc, syscalls, registrar),
        _ => null,
    };
}
