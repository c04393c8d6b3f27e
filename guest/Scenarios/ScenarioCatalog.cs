using Guest.Rseq;
using Guest.Running;
using Guest.Scenarios.AbiV2;
using Guest.Scenarios.AffinityPin;
using Guest.Scenarios.CsAbort;
using Guest.Scenarios.ForkCpuId;
using Guest.Scenarios.LegacyCpuIdStart;
using Guest.Scenarios.MigrationStorm;
using Guest.Scenarios.NodeIdMmCid;
using Protocol;

namespace Guest.Scenarios;

/// <summary>Maps a scenario name to its implementation: one switch, no reflection, trimming-safe.</summary>
/// <param name="rseqOffChild">The copy of the guest that legacy_cpu_id_start and the _v2 scenarios share.</param>
internal sealed class ScenarioCatalog(LibC libc, Syscalls syscalls, RseqRegistrar registrar, RseqOffChild rseqOffChild)
{
    /// <summary>The scenario of that name, or null when the guest does not know it.</summary>
    public IScenario? Create(string name) => name switch
    {
        ScenarioNames.ForkCpuId => WithRseqLength(new ForkCpuIdScenario(libc, syscalls, registrar)),
        ScenarioNames.AffinityPin => WithRseqLength(new AffinityPinScenario(libc, syscalls, registrar)),
        ScenarioNames.MigrationStorm => WithRseqLength(new MigrationStormScenario(libc, syscalls, registrar.Abi)),
        ScenarioNames.LegacyCpuIdStart => new LegacyCpuIdStartScenario(rseqOffChild),
        ScenarioNames.NodeIdMmCid => WithRseqLength(new NodeIdMmCidScenario(libc, syscalls, registrar)),
        ScenarioNames.CsAbort => WithRseqLength(new CsAbortScenario(libc, syscalls, registrar)),
        // The child reports rseq_len itself, from its own registrations.
        ScenarioNames.MigrationStormV2 or ScenarioNames.NodeIdMmCidV2 or ScenarioNames.CsAbortV2 =>
            new AbiV2Scenario(name, ScenarioNames.AbiV1TwinOf(name)!, syscalls, rseqOffChild),
        _ => null,
    };

    IScenario WithRseqLength(IScenario scenario) => new RseqLengthCounter(scenario, registrar);
}
