using Guest.Rseq;
using Guest.Scenarios;
using Guest.Scenarios.CsAbort;
using Protocol;

namespace Guest.Tests.Scenarios.CsAbort;

/// <summary>Runs the emitted stub for real on the machine the tests run on (x86-64, a kernel with rseq, glibc 2.35+).</summary>
public class CsAbortScenarioTests
{
    [Test]
    public void The_per_cpu_counters_sum_to_exactly_the_committed_increments_under_migration()
    {
        var libc = LibC.Load();
        var syscalls = new Syscalls(libc);
        var registrar = new RseqRegistrar(libc, syscalls, RseqAbi.V1);
        Assume.That(registrar.ForCurrentThread().IsAvailable, "no rseq registration on this machine");
        var cpus = syscalls.OnlineCpus();
        Assume.That(cpus, Is.GreaterThanOrEqualTo(CsAbortVerdict.MinimumCpus));

        var outcome = new CsAbortScenario(libc, syscalls, registrar)
            .Run(new ScenarioSettings(TimeSpan.FromSeconds(1), Seed: 1, Threads: cpus, Cpus: cpus));

        var counters = outcome.Counters.ToDictionary(counter => counter.Key, counter => counter.Value);
        TestContext.Out.WriteLine($"{outcome.Verdict} {outcome.Reason} {string.Join(' ', counters.Select(pair => $"{pair.Key}={pair.Value}"))}");
        Assert.That(counters[CounterNames.Increments], Is.GreaterThan(0));
        Assert.That(counters[CounterNames.CounterSum], Is.EqualTo(counters[CounterNames.Increments]));
        Assert.That(outcome.Verdict, Is.Not.EqualTo(ScenarioVerdict.Fail), outcome.Reason);
    }
}
