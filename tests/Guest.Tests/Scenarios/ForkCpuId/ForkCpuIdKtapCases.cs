using Guest.Rseq;
using Guest.Scenarios.ForkCpuId;
using Protocol;

namespace Guest.Tests.Scenarios.ForkCpuId;

/// <summary>fork_cpu_id runs recorded under QEMU TCG (see ForkCpuIdVerdictTests), for <see cref="ScenarioKtapTests"/>.</summary>
static class ForkCpuIdKtapCases
{
    const string Name = ScenarioNames.ForkCpuId;

    static readonly string[] CounterOrder =
    [
        CounterNames.Forks, CounterNames.CrossCpuStarts, CounterNames.StaleChildren, CounterNames.ResolvedMismatches,
        CounterNames.FailedChildren, CounterNames.Cpus, CounterNames.ElapsedMs, CounterNames.SegvChildren,
        CounterNames.NegativeCpuIds,
    ];

    public static IEnumerable<ScenarioKtapCase> All()
    {
        // Debian 6.1.0-50, 4 vCPUs, 3 s.
        var fixedKernel = new ForkCpuIdCounts(370, 369, 0, 0, 0, Cpus: 4, ElapsedMs: 3124);
        yield return new("Debian 6.1 with children started elsewhere", Name, ScenarioVerdict.Pass,
            ForkCpuIdVerdict.Judge(fixedKernel, null, ["child started on another CPU: cpu_id=2/2 getcpu=2 parent_cpu=0"]),
            ScenarioKtapCase.CountersOf(CounterOrder, 370, 369, 0, 0, 0, 4, 3124, 0, 0));

        // The 5.10 control with rseq_migrate removed: the tally keeps five stale examples.
        var buggyKernel = new ForkCpuIdCounts(2000, 1999, 1986, 0, 0, Cpus: 4, ElapsedMs: 14000);
        string[] stale =
        [
            "child cpu_id=3 getcpu=2 parent_cpu=3 stale_rounds=8/8",
            "child cpu_id=0 getcpu=1 parent_cpu=0 stale_rounds=8/8",
            "child cpu_id=1 getcpu=3 parent_cpu=1 stale_rounds=8/8",
            "child cpu_id=2 getcpu=0 parent_cpu=2 stale_rounds=8/8",
            "child cpu_id=3 getcpu=1 parent_cpu=3 stale_rounds=8/8",
        ];
        yield return new("5.10 control without rseq_migrate at fork", Name, ScenarioVerdict.Fail,
            ForkCpuIdVerdict.Judge(buggyKernel, null, stale),
            ScenarioKtapCase.CountersOf(CounterOrder, 2000, 1999, 1986, 0, 0, 4, 14000, 0, 0),
            "stale cpu_id in 1986 of 2000 forked children");

        // Two vCPUs on a loaded host: most children ran where their parent did.
        var fewCrossStarts = new ForkCpuIdCounts(41, 12, 0, 0, 0, Cpus: 2, ElapsedMs: 3050);
        yield return new("two vCPUs where most children stayed on the parent's CPU", Name, ScenarioVerdict.Error,
            ForkCpuIdVerdict.Judge(fewCrossStarts, null, ["child started on another CPU: cpu_id=1/1 getcpu=1 parent_cpu=0"]),
            ScenarioKtapCase.CountersOf(CounterOrder, 41, 12, 0, 0, 0, 2, 3050, 0, 0),
            ScenarioKtapTests.InsufficientStress, "12 of 41", $"need at least {ForkCpuIdVerdict.MinimumCrossCpuStarts}");

        // A kernel built without CONFIG_RSEQ: the scenario forks nothing.
        var noRseq = new ForkCpuIdCounts(0, 0, 0, 0, 0, Cpus: 4, ElapsedMs: 1);
        yield return new("kernel without the rseq system call", Name, ScenarioVerdict.Skip,
            ForkCpuIdVerdict.Judge(noRseq, RseqRegistrar.ProblemOf(38), []),
            ScenarioKtapCase.CountersOf(CounterOrder, 0, 0, 0, 0, 0, 4, 1, 0, 0),
            SkipReasons.NoRseqPrefix, "ENOSYS");
    }
}
