using Guest.Rseq;
using Guest.Running;

namespace Guest.Scenarios.AbiV2;

/// <summary>
/// A _v2 scenario: its v1 twin (migration_storm, node_id_mm_cid, cs_abort), run in the copy of the
/// guest with glibc's registration off (<see cref="RseqOffChild"/>), where every thread registers an area longer than 32 bytes.
/// On 7.x that is the path <c>rseq_v2()</c> selects, which skips the ID updates unless they changed:
/// glibc's 32-byte registration never reaches it. The twin's own code judges; this relays its result.
/// </summary>
internal sealed class AbiV2Scenario(string name, string twin, Syscalls syscalls, RseqOffChild rseqOffChild) : IScenario
{
    /// <summary>Above the scenario's own time: the child's start and the thread setup are slow under TCG.</summary>
    static readonly TimeSpan ChildOverhead = TimeSpan.FromSeconds(60);

    public string Name => name;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        // Decided here from the same rule the child's registrar uses, so a kernel without the
        // feature costs no request (and no process start).
        var featureSize = syscalls.RseqFeatureSize();
        if (RseqAreaShape.Extended(featureSize, syscalls.RseqAlignment()) is null)
            return AbiV2Outcome.Unsupported(featureSize);
        var run = rseqOffChild.Run(AbiV2Child.Arguments(twin, settings), settings.Duration + ChildOverhead);
        return AbiV2Outcome.FromChild(twin, run);
    }
}
