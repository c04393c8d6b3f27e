using Guest.Rseq;
using Guest.Scenarios.AffinityPin;
using Protocol;

namespace Guest.Tests.Scenarios.AffinityPin;

/// <summary>affinity_pin runs recorded under QEMU TCG (see AffinityPinVerdictTests), for <see cref="ScenarioKtapTests"/>.</summary>
static class AffinityPinKtapCases
{
    const string Name = ScenarioNames.AffinityPin;

    static readonly string[] CounterOrder =
    [
        CounterNames.Children, CounterNames.CrossCpuStarts, CounterNames.Pins, CounterNames.PinMismatches,
        CounterNames.FirstPinMismatches, CounterNames.RightOnReread, CounterNames.FailedPins,
        CounterNames.FailedChildren, CounterNames.Cpus, CounterNames.ElapsedMs, CounterNames.SegvChildren,
        CounterNames.NegativeCpuIds,
    ];

    public static IEnumerable<ScenarioKtapCase> All()
    {
        // Debian 6.1.0-50, 4 vCPUs, 3 s.
        var fixedKernel = new AffinityPinCounts(53, 53, 212, 0, 0, 0, 0, 0, Cpus: 4, ElapsedMs: 3118);
        yield return new("Debian 6.1 with every pin landing", Name, ScenarioVerdict.Pass,
            AffinityPinVerdict.Judge(fixedKernel, null, ["child started on cpu 2 with cpu_id=2, parent on cpu 0"]),
            ScenarioKtapCase.CountersOf(CounterOrder, 53, 53, 212, 0, 0, 0, 0, 0, 4, 3118, 0, 0));

        // 6.18 with the child overwriting its own cpu_id before the first pin, as a kernel without
        // ce3614daabea leaves the parent's: every first pin kept it.
        var staleFirstPins = new AffinityPinCounts(21, 0, 42, 20, 20, 0, 0, 0, Cpus: 2, ElapsedMs: 190);
        string[] mismatches =
        [
            "after first pin, to the start cpu 1: cpu_id=0 cpu_id_start=1 getcpu=1 parent_cpu=1, same over 4 reads",
            "after first pin, to the start cpu 0: cpu_id=1 cpu_id_start=0 getcpu=0 parent_cpu=0, same over 4 reads",
        ];
        yield return new("6.18 with a stale cpu_id before the first pin", Name, ScenarioVerdict.Fail,
            AffinityPinVerdict.Judge(staleFirstPins, null, mismatches),
            ScenarioKtapCase.CountersOf(CounterOrder, 21, 0, 42, 20, 20, 0, 0, 0, 2, 190, 0, 0),
            "after 20 of 42 pins", "20 on the first pin");

        // A host so loaded that few children got to report in 3 s.
        var fewChildren = new AffinityPinCounts(6, 6, 24, 0, 0, 0, 0, 0, Cpus: 4, ElapsedMs: 3210);
        yield return new("a loaded host where few children reported", Name, ScenarioVerdict.Error,
            AffinityPinVerdict.Judge(fewChildren, null, ["child started on cpu 3 with cpu_id=3, parent on cpu 1"]),
            ScenarioKtapCase.CountersOf(CounterOrder, 6, 6, 24, 0, 0, 0, 0, 0, 4, 3210, 0, 0),
            ScenarioKtapTests.InsufficientStress, "6 children", $"need {AffinityPinVerdict.MinimumChildren}");

        var noRseq = new AffinityPinCounts(0, 0, 0, 0, 0, 0, 0, 0, Cpus: 4, ElapsedMs: 0);
        yield return new("a registration refused for its signature", Name, ScenarioVerdict.Fail,
            AffinityPinVerdict.Judge(noRseq, RseqRegistrar.ProblemOf(1), []),
            ScenarioKtapCase.CountersOf(CounterOrder, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0),
            "rseq registration refused", "EPERM");

        yield return new("a kernel without the rseq system call", Name, ScenarioVerdict.Skip,
            AffinityPinVerdict.Judge(noRseq, RseqRegistrar.ProblemOf(38), []),
            ScenarioKtapCase.CountersOf(CounterOrder, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0),
            SkipReasons.NoRseqPrefix, "ENOSYS");
    }
}
