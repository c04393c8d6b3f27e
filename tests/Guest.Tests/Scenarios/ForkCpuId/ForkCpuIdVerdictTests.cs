using Guest.Rseq;
using Guest.Scenarios.ForkCpuId;
using Protocol;

namespace Guest.Tests.Scenarios.ForkCpuId;

/// <summary>Counters recorded from real runs (the guest's own QEMU runs).</summary>
public class ForkCpuIdVerdictTests
{
    // Debian 6.1.0-50 under QEMU TCG, 4 vCPUs, 3 s.
    static readonly ForkCpuIdCounts FixedKernel = new(Forks: 370, CrossCpuStarts: 369, StaleChildren: 0,
        ResolvedMismatches: 0, FailedChildren: 0, Cpus: 4, ElapsedMs: 3124);

    // The 5.10 control with rseq_migrate removed: 1986 of 2000 forks stale.
    static readonly ForkCpuIdCounts BuggyKernel = new(Forks: 2000, CrossCpuStarts: 1999, StaleChildren: 1986,
        ResolvedMismatches: 0, FailedChildren: 0, Cpus: 4, ElapsedMs: 14000);

    [Test]
    public void A_fixed_kernel_with_children_started_elsewhere_passes()
    {
        var outcome = ForkCpuIdVerdict.Judge(FixedKernel, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(outcome.Reason, Is.Null);
    }

    [Test]
    public void Stale_children_fail_and_keep_their_evidence()
    {
        string[] evidence = ["child cpu_id=3 getcpu=2 parent_cpu=3 stale_rounds=8/8"];

        var outcome = ForkCpuIdVerdict.Judge(BuggyKernel, null, evidence);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("1986 of 2000"));
        Assert.That(outcome.Evidence, Is.EqualTo(evidence));
    }

    [Test]
    public void One_cpu_is_an_error_whatever_else_was_seen()
    {
        var outcome = ForkCpuIdVerdict.Judge(FixedKernel with { Cpus = 1, Forks = 0, CrossCpuStarts = 0 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("needs at least 2 CPUs"));
    }

    [Test]
    public void Too_few_children_started_on_another_cpu_is_insufficient_stress_with_the_minimum_stated()
    {
        var outcome = ForkCpuIdVerdict.Judge(FixedKernel with { CrossCpuStarts = 19 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.StartWith("insufficient stress"));
        Assert.That(outcome.Reason, Does.Contain($"at least {ForkCpuIdVerdict.MinimumCrossCpuStarts}"));
    }

    [Test]
    public void Exactly_the_minimum_of_cross_cpu_starts_is_enough()
    {
        var counts = FixedKernel with { CrossCpuStarts = ForkCpuIdVerdict.MinimumCrossCpuStarts };

        Assert.That(ForkCpuIdVerdict.Judge(counts, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void A_stale_child_fails_even_when_stress_was_low()
    {
        var counts = FixedKernel with { Forks = 5, CrossCpuStarts = 3, StaleChildren = 1 };

        Assert.That(ForkCpuIdVerdict.Judge(counts, null, []).Verdict, Is.EqualTo(ScenarioVerdict.Fail));
    }

    [Test]
    public void A_kernel_without_rseq_is_skipped_with_the_reason()
    {
        var counts = FixedKernel with { Forks = 0, CrossCpuStarts = 0 };

        var outcome = ForkCpuIdVerdict.Judge(counts, RseqRegistrar.ProblemOf(38), []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(outcome.Reason, Does.StartWith(SkipReasons.NoRseqPrefix).And.Contain("ENOSYS"));
    }

    [TestCase(22, "EINVAL")]
    [TestCase(1, "EPERM")]
    [TestCase(16, "EBUSY")]
    public void A_kernel_that_refuses_the_registration_fails_naming_the_errno(int errno, string name)
    {
        var counts = FixedKernel with { Forks = 0, CrossCpuStarts = 0 };

        var outcome = ForkCpuIdVerdict.Judge(counts, RseqRegistrar.ProblemOf(errno), []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain(name).And.Not.StartWith(SkipReasons.NoRseqPrefix));
    }

    [Test]
    public void A_negative_cpu_id_after_a_successful_registration_fails_with_the_value()
    {
        var counts = FixedKernel with { Forks = 0, CrossCpuStarts = 0 };

        var outcome = ForkCpuIdVerdict.Judge(counts, RseqRegistrar.ProblemOfCpuId(-1), []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("cpu_id=-1"));
    }

    [Test]
    public void A_child_killed_by_sigsegv_fails_naming_the_signal()
    {
        var outcome = ForkCpuIdVerdict.Judge(FixedKernel with { Forks = 371, SegvChildren = 1 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.StartWith("1 of 371 forked children killed by SIGSEGV (signal 11)"));
    }

    [Test]
    public void A_negative_cpu_id_in_a_child_fails()
    {
        var outcome = ForkCpuIdVerdict.Judge(FixedKernel with { NegativeCpuIds = 2 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("cpu_id read -1 or -2 in 2 of 370 forked children"));
    }

    [Test]
    public void Lost_children_above_the_small_share_are_an_error_and_at_it_still_pass()
    {
        // 370 forks: 5 % is 18.5 children.
        var tooMany = ForkCpuIdVerdict.Judge(FixedKernel with { FailedChildren = 19 }, null, []);
        var few = ForkCpuIdVerdict.Judge(FixedKernel with { FailedChildren = 18 }, null, []);

        Assert.That(tooMany.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(tooMany.Reason, Does.StartWith("insufficient stress: 19 of 370 forked children were lost"));
        Assert.That(few.Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void A_resolved_mismatch_of_an_unpinned_child_is_a_race_and_passes()
    {
        var outcome = ForkCpuIdVerdict.Judge(FixedKernel with { ResolvedMismatches = 4 }, null, []);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public void The_counters_carry_the_protocol_names_in_order()
    {
        var outcome = ForkCpuIdVerdict.Judge(FixedKernel, null, []);

        Assert.That(outcome.Counters.Select(counter => counter.Key), Is.EqualTo(new[]
        {
            CounterNames.Forks, CounterNames.CrossCpuStarts, CounterNames.StaleChildren,
            CounterNames.ResolvedMismatches, CounterNames.FailedChildren, CounterNames.Cpus, CounterNames.ElapsedMs,
            CounterNames.SegvChildren, CounterNames.NegativeCpuIds,
        }));
        Assert.That(outcome.Counters[1].Value, Is.EqualTo(369));
    }
}
