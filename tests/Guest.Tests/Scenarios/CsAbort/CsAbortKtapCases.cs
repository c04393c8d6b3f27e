using Guest.Rseq;
using Guest.Scenarios.CsAbort;
using Protocol;

namespace Guest.Tests.Scenarios.CsAbort;

/// <summary>cs_abort runs recorded under QEMU TCG (see CsAbortVerdictTests), for <see cref="ScenarioKtapTests"/>.</summary>
static class CsAbortKtapCases
{
    const string Name = ScenarioNames.CsAbort;

    static readonly string[] CounterOrder =
    [
        CounterNames.Threads, CounterNames.Increments, CounterNames.Aborts, CounterNames.CounterSum,
        CounterNames.CpuIdOutOfRange, CounterNames.Repins, CounterNames.Cpus, CounterNames.ElapsedMs,
        CounterNames.InvoluntarySwitches, CounterNames.UnarmedIncrements, CounterNames.UnarmedLostUpdates,
    ];

    public static IEnumerable<ScenarioKtapCase> All()
    {
        // Debian 6.12.117 (trixie), glibc's registration, 5 workers and the migrator, 4 vCPUs, 3 s, armed and
        // unarmed batches alternating.
        var kernel612 = new CsAbortCounts(5, 22_668_755, 45, 22_668_755, 0, 439, Cpus: 4, ElapsedMs: 3127,
            InvoluntarySwitches: 244, UnarmedIncrements: 22_668_800, UnarmedLostUpdates: 939_592);
        string[] evidence612 =
        [
            "per-cpu counters 5991186,6530321,5716992,4430256",
            "per-thread increments/aborts/involuntary switches 2747635/13/40 4315387/5/51 5115890/14/59 4864505/7/36 5625338/6/58",
        ];
        yield return new("Debian 6.12 with an exact sum, aborts and an unarmed control that lost updates", Name, ScenarioVerdict.Pass,
            CsAbortVerdict.Judge(kernel612, null, evidence612),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 22_668_755, 45, 22_668_755, 0, 439, 4, 3127, 244, 22_668_800, 939_592));

        // A section preempted after its load but not aborted: another thread's increment is overwritten.
        var lostIncrements = kernel612 with { CounterSum = 22_668_752 };
        yield return new("a kernel that let a preempted section commit", Name, ScenarioVerdict.Fail,
            CsAbortVerdict.Judge(lostIncrements, null, evidence612),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 22_668_755, 45, 22_668_752, 0, 439, 4, 3127, 244, 22_668_800, 939_592),
            "sum to 22668752 but 22668755 increments committed", "(-3)");

        // The 6.12 run as a kernel that never aborts would show it over a run long enough to pass the
        // switch threshold (the 244 switches scaled to 1000, not recorded).
        var neverAborts = kernel612 with { Aborts = 0, InvoluntarySwitches = 1000 };
        yield return new("a kernel that never aborted in a thousand preemptions", Name, ScenarioVerdict.Fail,
            CsAbortVerdict.Judge(neverAborts, null, evidence612),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 22_668_755, 0, 22_668_755, 0, 439, 4, 3127, 1000, 22_668_800, 939_592),
            "kernel never aborted the critical section in 1000 involuntary switches");

        // A short run where the migrator hardly ever caught a worker inside its section (the switch and
        // unarmed figures scaled down from the 6.12 run, not recorded).
        var fewAborts = new CsAbortCounts(3, 9_402_117, 4, 9_402_117, 0, 58, Cpus: 2, ElapsedMs: 1040,
            InvoluntarySwitches: 61, UnarmedIncrements: 9_401_870, UnarmedLostUpdates: 2);
        yield return new("a short run with few aborts", Name, ScenarioVerdict.Error,
            CsAbortVerdict.Judge(fewAborts, null,
            [
                "per-cpu counters 4701003,4701114",
                "per-thread increments/aborts/involuntary switches 3134039/1 3134039/2 3134039/1",
            ]),
            ScenarioKtapCase.CountersOf(CounterOrder, 3, 9_402_117, 4, 9_402_117, 0, 58, 2, 1040, 61, 9_401_870, 2),
            ScenarioKtapTests.InsufficientStress, "4 aborts", $"need {CsAbortVerdict.MinimumAborts}");

        var noRseq = new CsAbortCounts(5, 0, 0, 0, 0, 0, Cpus: 4, ElapsedMs: 3, 0, 0, 0);
        yield return new("a worker whose registration was refused", Name, ScenarioVerdict.Fail,
            CsAbortVerdict.Judge(noRseq, RseqRegistrar.ProblemOf(22), []),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 0, 0, 0, 0, 0, 4, 3, 0, 0, 0),
            "rseq registration refused", "EINVAL");

        yield return new("a kernel without the rseq system call", Name, ScenarioVerdict.Skip,
            CsAbortVerdict.Judge(noRseq, RseqRegistrar.ProblemOf(38), []),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 0, 0, 0, 0, 0, 4, 3, 0, 0, 0),
            SkipReasons.NoRseqPrefix, "ENOSYS");
    }
}
