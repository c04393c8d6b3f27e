using Guest.Rseq;
using Guest.Scenarios.MigrationStorm;
using Protocol;

namespace Guest.Tests.Scenarios.MigrationStorm;

/// <summary>Counters recorded from real runs under QEMU TCG with 4 vCPUs, 3 s, 4 workers.</summary>
public class MigrationStormVerdictTests
{
    // Debian 6.1.0-50.
    static readonly MigrationStormCounts FixedKernel = new(Threads: 4, Migrations: 307, Comparisons: 2_260_014,
        RacedComparisons: 132_536, RightOnReread: 0, Mismatches: 0, FailedRepins: 0, Cpus: 4, ElapsedMs: 3194);

    // The host's 6.18 with a worker overwriting its own cpu_id now and then: stale until its next migration.
    static readonly MigrationStormCounts StaleCpuId = new(Threads: 2, Migrations: 2353, Comparisons: 4_237_507,
        RacedComparisons: 7_021_031, RightOnReread: 1, Mismatches: 145_625, FailedRepins: 0, Cpus: 2, ElapsedMs: 2003);

    [Test]
    public void A_fixed_kernel_with_enough_migrations_and_comparisons_passes()
    {
        var outcome = MigrationStormVerdict.Judge(FixedKernel, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(outcome.Reason, Is.Null);
    }

    [Test]
    public void Confirmed_mismatches_fail_with_their_count_and_evidence()
    {
        string[] evidence = ["worker 0 pinned to cpu 1: cpu_id=7/7 getcpu=1 seq=82, re-check cpu_id=7/7 getcpu=1 seq=82"];

        var outcome = MigrationStormVerdict.Judge(StaleCpuId, null, evidence);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("145625 of 4237507"));
        Assert.That(outcome.Evidence, Is.EqualTo(evidence));
    }

    [Test]
    public void Raced_rounds_do_not_fail()
    {
        var counts = FixedKernel with { RacedComparisons = 10_000_000 };

        Assert.That(MigrationStormVerdict.Judge(counts, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void A_single_unraced_mismatch_fails_even_when_the_re_read_was_right()
    {
        var counts = FixedKernel with { Mismatches = 1, RightOnReread = 1 };

        var outcome = MigrationStormVerdict.Judge(counts, null, ["worker 2 pinned to cpu 3, no re-pin racing: ..."]);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("1 of 2260014 comparisons"));
        Assert.That(outcome.Reason, Does.Contain("1 right on a re-read"));
    }

    [Test]
    public void A_negative_cpu_id_mid_run_fails()
    {
        var outcome = MigrationStormVerdict.Judge(FixedKernel with { NegativeCpuIds = 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("cpu_id read -1 or -2 in 1 rounds"));
    }

    [Test]
    public void Too_few_migrations_is_insufficient_stress_with_the_minimum_stated()
    {
        var counts = FixedKernel with { Migrations = 12 };

        var outcome = MigrationStormVerdict.Judge(counts, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Is.EqualTo($"insufficient stress: 12 migrations (0 re-pins failed), need {MigrationStormVerdict.MinimumMigrations}"));
    }

    [Test]
    public void Too_few_comparisons_is_insufficient_stress()
    {
        var counts = FixedKernel with { Comparisons = MigrationStormVerdict.MinimumComparisons - 1 };

        var outcome = MigrationStormVerdict.Judge(counts, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain($"need {MigrationStormVerdict.MinimumComparisons}"));
    }

    [Test]
    public void Exactly_the_minimums_are_enough()
    {
        var counts = FixedKernel with
        {
            Migrations = MigrationStormVerdict.MinimumMigrations,
            Comparisons = MigrationStormVerdict.MinimumComparisons,
        };

        Assert.That(MigrationStormVerdict.Judge(counts, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void One_cpu_is_an_error_and_a_worker_without_rseq_is_a_skip()
    {
        Assert.That(MigrationStormVerdict.Judge(FixedKernel with { Cpus = 1 }, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Error));
        var skipped = MigrationStormVerdict.Judge(FixedKernel, RseqRegistrar.ProblemOf(38), []);
        Assert.That(skipped.Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(skipped.Reason, Does.Contain("ENOSYS"));
    }

    [Test]
    public void A_worker_that_could_not_pin_itself_is_an_error_not_a_skip()
    {
        var outcome = MigrationStormVerdict.Judge(FixedKernel, RseqProblem.Untestable("worker 1 could not pin itself to cpu 1 (errno 22)"), []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
    }

    [Test]
    public void The_counters_carry_the_protocol_names_in_order()
    {
        var outcome = MigrationStormVerdict.Judge(FixedKernel, null, []);

        Assert.That(outcome.Counters.Select(counter => counter.Key), Is.EqualTo(new[]
        {
            CounterNames.Threads, CounterNames.Migrations, CounterNames.Comparisons, CounterNames.RacedComparisons,
            CounterNames.RightOnReread, CounterNames.Mismatches, CounterNames.FailedRepins, CounterNames.Cpus,
            CounterNames.ElapsedMs, CounterNames.NegativeCpuIds,
        }));
        Assert.That(outcome.Counters[1].Value, Is.EqualTo(307));
    }
}
