using Guest.Rseq;
using Guest.Scenarios;
using Guest.Scenarios.CsAbort;
using Guest.Scenarios.MigrationStorm;
using Guest.Scenarios.NodeIdMmCid;
using Protocol;

namespace Guest.Tests.Scenarios;

/// <summary>
/// Runs threaded scenarios for real on the machine the tests run on (x86-64, a kernel with rseq,
/// glibc 2.35+) with a long cap: each must stop once it has its stress target, long before the cap,
/// and report counters at or above the target.
/// </summary>
public class AdaptiveStopTests
{
    static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    /// <summary>Far under the cap: a scenario that ignored its target would run the whole 60 s.</summary>
    const long StoppedEarlyMs = 30_000;

    const double Multiple = 2;

    static (Syscalls Syscalls, RseqRegistrar Registrar, LibC LibC, int Cpus) Machine()
    {
        var libc = LibC.Load();
        var syscalls = new Syscalls(libc);
        var registrar = new RseqRegistrar(libc, syscalls, RseqAbi.V1);
        Assume.That(registrar.ForCurrentThread().IsAvailable, "no rseq registration on this machine");
        var cpus = syscalls.OnlineCpus();
        Assume.That(cpus, Is.GreaterThanOrEqualTo(2));
        return (syscalls, registrar, libc, cpus);
    }

    static Dictionary<string, long> CountersOf(ScenarioOutcome outcome)
    {
        var counters = outcome.Counters.ToDictionary(counter => counter.Key, counter => counter.Value);
        TestContext.Out.WriteLine($"{outcome.Verdict} {outcome.Reason} {string.Join(' ', counters.Select(pair => $"{pair.Key}={pair.Value}"))}");
        return counters;
    }

    [Test]
    public void Migration_storm_stops_once_it_has_its_migrations_and_comparisons_times_the_multiple()
    {
        var (syscalls, registrar, libc, cpus) = Machine();

        var outcome = new MigrationStormScenario(libc, syscalls, registrar.Abi)
            .Run(new ScenarioSettings(Cap, Seed: 1, Threads: cpus, Cpus: cpus, StressMultiple: Multiple));

        var counters = CountersOf(outcome);
        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass), outcome.Reason);
        Assert.That(counters[CounterNames.Migrations], Is.GreaterThanOrEqualTo(StressTarget.Of(MigrationStormVerdict.MinimumMigrations, Multiple)));
        Assert.That(counters[CounterNames.Comparisons], Is.GreaterThanOrEqualTo(StressTarget.Of(MigrationStormVerdict.MinimumComparisons, Multiple)));
        Assert.That(counters[CounterNames.ElapsedMs], Is.LessThan(StoppedEarlyMs));
    }

    [Test]
    public void Cs_abort_stops_once_it_has_its_aborts_times_the_multiple()
    {
        var (syscalls, registrar, libc, cpus) = Machine();

        var outcome = new CsAbortScenario(libc, syscalls, registrar)
            .Run(new ScenarioSettings(Cap, Seed: 1, Threads: cpus, Cpus: cpus, StressMultiple: Multiple));

        var counters = CountersOf(outcome);
        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass), outcome.Reason);
        Assert.That(counters[CounterNames.Aborts], Is.GreaterThanOrEqualTo(StressTarget.Of(CsAbortVerdict.MinimumAborts, Multiple)));
        Assert.That(counters[CounterNames.ElapsedMs], Is.LessThan(StoppedEarlyMs));
    }

    /// <remarks>
    /// Multiple 1, and a full buffer is a stop too: on real hardware an interval lasts far less than
    /// under TCG, so overlaps are rare (0 to 2800 in up to 100 000 intervals on the 2-CPU development
    /// host, the fewest when other programs kept its CPUs busy), and the sampling ends when the
    /// buffers are full. Either way it must end long before the cap.
    /// </remarks>
    [Test]
    public void Node_id_mm_cid_stops_at_its_overlap_target_or_full_buffers_long_before_the_cap()
    {
        var (syscalls, registrar, libc, cpus) = Machine();
        Assume.That(syscalls.RseqFeatureSize(), Is.GreaterThanOrEqualTo(RseqLayout.MmCidFeatureSize), "the kernel has no mm_cid");

        var outcome = new NodeIdMmCidScenario(libc, syscalls, registrar)
            .Run(new ScenarioSettings(Cap, Seed: 1, Threads: cpus, Cpus: cpus, StressMultiple: 1));

        var counters = CountersOf(outcome);
        Assert.That(outcome.Verdict, Is.Not.EqualTo(ScenarioVerdict.Fail), outcome.Reason);
        Assert.That(counters[CounterNames.ElapsedMs], Is.LessThan(StoppedEarlyMs));
        if (counters[CounterNames.Samples] < cpus * NodeIdMmCidScenario.MaxSamplesPerThread)
            Assert.That(counters[CounterNames.OverlapsChecked], Is.GreaterThanOrEqualTo(NodeIdMmCidVerdict.MinimumOverlapsChecked),
                "the sampling stopped before the buffers were full, so it must have had its overlaps");
    }
}
