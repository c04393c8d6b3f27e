using Guest.Rseq;
using Guest.Scenarios.LegacyCpuIdStart;
using Protocol;

namespace Guest.Tests.Scenarios.LegacyCpuIdStart;

/// <summary>legacy_cpu_id_start probe reports recorded under QEMU TCG (see LegacyCpuIdStartVerdictTests), for <see cref="ScenarioKtapTests"/>.</summary>
static class LegacyCpuIdStartKtapCases
{
    const string Name = ScenarioNames.LegacyCpuIdStart;

    static readonly string[] CounterOrder =
    [
        CounterNames.Sleeps, CounterNames.SwitchedSleeps, CounterNames.SentinelSurvived, CounterNames.WrongCpuRewrites,
        CounterNames.PinnedCpu, CounterNames.ElapsedMs,
    ];

    public static IEnumerable<ScenarioKtapCase> All()
    {
        // Debian 6.1.0-50: every switch rewrites; 6 sleeps expired without blocking.
        var rewriting = new LegacyProbeReport(new LegacyProbeCounts(500, 494, 0, 0, PinnedCpu: 1, ElapsedMs: 675), null,
            ["sleep 1: sentinel rewritten, cpu_id_start=1 cpu_id=1 getcpu=1 voluntary_switches=+1"]);
        yield return new("Debian 6.1 rewriting on every switch", Name, ScenarioVerdict.Pass,
            LegacyCpuIdStartVerdict.Judge(rewriting, null),
            ScenarioKtapCase.CountersOf(CounterOrder, 500, 494, 0, 0, 1, 675));

        // 7.2 with rseq_v2() treating every registration as v2: the probe stops after 20 survivals
        // and keeps five examples.
        var surviving = new LegacyProbeReport(new LegacyProbeCounts(20, 20, 20, 0, PinnedCpu: 2, ElapsedMs: 40), null,
            Enumerable.Range(1, 5)
                .Select(sleep => $"sleep {sleep}: sentinel survived a context switch, cpu_id_start=sentinel cpu_id=2 getcpu=2 voluntary_switches=+1")
                .ToList());
        yield return new("7.2 leaving the sentinel in a 32-byte area", Name, ScenarioVerdict.Fail,
            LegacyCpuIdStartVerdict.Judge(surviving, null),
            ScenarioKtapCase.CountersOf(CounterOrder, 20, 20, 20, 0, 2, 40),
            "kept the sentinel after 20 of 20 context switches", "32-byte");

        // Most sleeps expired without the thread being switched out.
        var fewSwitches = rewriting with { Counts = rewriting.Counts with { SwitchedSleeps = 12 } };
        yield return new("sleeps that rarely switched the thread out", Name, ScenarioVerdict.Error,
            LegacyCpuIdStartVerdict.Judge(fewSwitches, null),
            ScenarioKtapCase.CountersOf(CounterOrder, 500, 12, 0, 0, 1, 675),
            ScenarioKtapTests.InsufficientStress, "12 of 500 sleeps", $"need {LegacyCpuIdStartVerdict.MinimumSwitchedSleeps}");

        var glibcRegistered = new LegacyProbeReport(new LegacyProbeCounts(0, 0, 0, 0, PinnedCpu: -1, ElapsedMs: 0),
            RseqProblem.Untestable("glibc registered rseq despite GLIBC_TUNABLES=glibc.pthread.rseq=0, so no 32-byte area of our own"), []);
        yield return new("glibc registered its own area first", Name, ScenarioVerdict.Error,
            LegacyCpuIdStartVerdict.Judge(glibcRegistered, null),
            ScenarioKtapCase.CountersOf(CounterOrder, 0, 0, 0, 0, -1, 0),
            "no 32-byte rseq registration", "glibc registered rseq");

        var noRseq = new LegacyProbeReport(new LegacyProbeCounts(0, 0, 0, 0, PinnedCpu: -1, ElapsedMs: 0), RseqRegistrar.ProblemOf(38), []);
        yield return new("a kernel without the rseq system call", Name, ScenarioVerdict.Skip,
            LegacyCpuIdStartVerdict.Judge(noRseq, null),
            ScenarioKtapCase.CountersOf(CounterOrder, 0, 0, 0, 0, -1, 0),
            SkipReasons.NoRseqPrefix, "ENOSYS");

        // A probe killed before its counters line: the guest has no counters to show.
        yield return new("a probe that timed out before reporting", Name, ScenarioVerdict.Error,
            LegacyCpuIdStartVerdict.Judge(null, "timed out and was killed"),
            counters: null,
            "the probe process left no report", "timed out");
    }
}
