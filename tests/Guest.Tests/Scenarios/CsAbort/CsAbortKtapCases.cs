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
    ];

    public static IEnumerable<ScenarioKtapCase> All()
    {
        // Debian 7.2.13, glibc's registration, 5 workers and the migrator, 4 vCPUs, 3 s.
        var kernel72 = new CsAbortCounts(5, 76_838_019, 125, 76_838_019, 0, 634, Cpus: 4, ElapsedMs: 3094);
        yield return new("Debian 7.2 with an exact sum and aborts", Name, ScenarioVerdict.Pass,
            CsAbortVerdict.Judge(kernel72, null,
            [
                "per-cpu counters 19210331,19187102,19220455,19220131",
                "per-thread increments/aborts 15367603/25 15367604/24 15367604/26 15367604/25 15367604/25",
            ]),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 76_838_019, 125, 76_838_019, 0, 634, 4, 3094));

        // A section preempted after its load but not aborted: another thread's increment is overwritten.
        var lostIncrements = kernel72 with { CounterSum = 76_838_016 };
        yield return new("a kernel that let a preempted section commit", Name, ScenarioVerdict.Fail,
            CsAbortVerdict.Judge(lostIncrements, null,
            [
                "per-cpu counters 19210330,19187101,19220454,19220131",
                "per-thread increments/aborts 15367603/25 15367604/24 15367604/26 15367604/25 15367604/25",
            ]),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 76_838_019, 125, 76_838_016, 0, 634, 4, 3094),
            "sum to 76838016 but 76838019 increments committed", "(-3)");

        // A short run where the migrator hardly ever caught a worker inside its section.
        var fewAborts = new CsAbortCounts(3, 9_402_117, 4, 9_402_117, 0, 58, Cpus: 2, ElapsedMs: 1040);
        yield return new("a short run with few aborts", Name, ScenarioVerdict.Error,
            CsAbortVerdict.Judge(fewAborts, null,
            [
                "per-cpu counters 4701003,4701114",
                "per-thread increments/aborts 3134039/1 3134039/2 3134039/1",
            ]),
            ScenarioKtapCase.CountersOf(CounterOrder, 3, 9_402_117, 4, 9_402_117, 0, 58, 2, 1040),
            ScenarioKtapTests.InsufficientStress, "4 aborts", $"need {CsAbortVerdict.MinimumAborts}");

        var noRseq = new CsAbortCounts(5, 0, 0, 0, 0, 0, Cpus: 4, ElapsedMs: 3);
        yield return new("a worker whose registration was refused", Name, ScenarioVerdict.Fail,
            CsAbortVerdict.Judge(noRseq, RseqRegistrar.ProblemOf(22), []),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 0, 0, 0, 0, 0, 4, 3),
            "rseq registration refused", "EINVAL");

        yield return new("a kernel without the rseq system call", Name, ScenarioVerdict.Skip,
            CsAbortVerdict.Judge(noRseq, RseqRegistrar.ProblemOf(38), []),
            ScenarioKtapCase.CountersOf(CounterOrder, 5, 0, 0, 0, 0, 0, 4, 3),
            SkipReasons.NoRseqPrefix, "ENOSYS");
    }
}
