using Guest.Running;
using Guest.Scenarios.AbiV2;
using Guest.Tests.Scenarios.CsAbort;
using Guest.Tests.Scenarios.MigrationStorm;
using Guest.Tests.Scenarios.NodeIdMmCid;
using Protocol;

namespace Guest.Tests.Scenarios.AbiV2;

/// <summary>
/// The _v2 scenarios' runs, for <see cref="ScenarioKtapTests"/>: each recorded run of the twin, as
/// the twin's verdict judged it, written by the real runner as the child writes it, and relayed
/// through <see cref="AbiV2Outcome"/>; plus the kernel without the feature.
/// </summary>
static class AbiV2KtapCases
{
    public static IEnumerable<ScenarioKtapCase> All() =>
        Relayed(ScenarioNames.MigrationStormV2, MigrationStormKtapCases.All())
            .Concat(Relayed(ScenarioNames.NodeIdMmCidV2, NodeIdMmCidKtapCases.All()))
            .Concat(Relayed(ScenarioNames.CsAbortV2, CsAbortKtapCases.All()))
            .Concat(ScenarioNames.All.Where(ScenarioNames.IsAbiV2).Select(NoFeatureSize));

    static IEnumerable<ScenarioKtapCase> Relayed(string name, IEnumerable<ScenarioKtapCase> twinCases) =>
        twinCases.Select(twinCase =>
        {
            var (_, childLines) = ScenarioKtapStream.Emit(twinCase.Scenario, twinCase.Outcome);
            var outcome = AbiV2Outcome.FromChild(twinCase.Scenario, new ChildProcessRun(0, string.Join('\n', childLines), ""));
            return new ScenarioKtapCase(twinCase.Run, name, twinCase.Verdict, outcome, twinCase.Counters, [.. twinCase.ReasonParts]);
        });

    /// <summary>Debian 5.10 (recorded): no AT_RSEQ_FEATURE_SIZE, so no child is started.</summary>
    static ScenarioKtapCase NoFeatureSize(string name) =>
        new("5.10 without AT_RSEQ_FEATURE_SIZE", name, ScenarioVerdict.Skip, AbiV2Outcome.Unsupported(0), null,
            SkipReasons.NoAbiV2Prefix, "rseq feature size 0");
}
