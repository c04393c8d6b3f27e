using Guest.Scenarios;
using Guest.Scenarios.AffinityPin;
using Guest.Scenarios.CsAbort;
using Guest.Scenarios.ForkCpuId;
using Guest.Scenarios.MigrationStorm;

namespace Guest.Tests.Scenarios;

public class StressTargetTests
{
    [Test]
    public void The_target_is_the_minimum_times_the_multiple_rounded_up()
    {
        Assert.That(StressTarget.Of(20, 10), Is.EqualTo(200));
        Assert.That(StressTarget.Of(5, 2.5), Is.EqualTo(13));
    }

    [Test]
    public void A_multiple_below_one_never_puts_the_target_under_the_minimum()
    {
        Assert.That(StressTarget.Of(50, 0.1), Is.EqualTo(50));
    }

    [Test]
    public void Fork_cpu_id_has_its_stress_at_ten_times_its_twenty_cross_cpu_starts()
    {
        Assert.That(ForkCpuIdVerdict.StressReached(199, 10), Is.False);
        Assert.That(ForkCpuIdVerdict.StressReached(200, 10), Is.True);
    }

    [Test]
    public void Affinity_pin_needs_every_one_of_its_minimums_times_the_multiple()
    {
        Assert.That(AffinityPinVerdict.StressReached(children: 100, crossCpuStarts: 50, pins: 300, multiple: 10), Is.True);
        Assert.That(AffinityPinVerdict.StressReached(children: 99, crossCpuStarts: 50, pins: 300, multiple: 10), Is.False);
        Assert.That(AffinityPinVerdict.StressReached(children: 100, crossCpuStarts: 49, pins: 300, multiple: 10), Is.False);
        Assert.That(AffinityPinVerdict.StressReached(children: 100, crossCpuStarts: 50, pins: 299, multiple: 10), Is.False);
    }

    [Test]
    public void Migration_storm_needs_both_its_migrations_and_its_comparisons_times_the_multiple()
    {
        Assert.That(MigrationStormVerdict.StressReached(migrations: 500, comparisons: 10_000, multiple: 10), Is.True);
        Assert.That(MigrationStormVerdict.StressReached(migrations: 499, comparisons: 5_000_000, multiple: 10), Is.False);
        Assert.That(MigrationStormVerdict.StressReached(migrations: 5_000, comparisons: 9_999, multiple: 10), Is.False);
    }

    [Test]
    public void Migration_storm_stops_at_its_first_violation_since_one_is_the_fail()
    {
        Assert.That(MigrationStormVerdict.FailConfirmed(mismatches: 0, negativeCpuIds: 0), Is.False);
        Assert.That(MigrationStormVerdict.FailConfirmed(mismatches: 1, negativeCpuIds: 0), Is.True);
        Assert.That(MigrationStormVerdict.FailConfirmed(mismatches: 0, negativeCpuIds: 1), Is.True);
    }

    [Test]
    public void Cs_abort_needs_its_aborts_and_its_unarmed_lost_updates_times_the_multiple()
    {
        Assert.That(CsAbortVerdict.StressReached(aborts: 100, unarmedLostUpdates: 10, multiple: 10), Is.True);
        Assert.That(CsAbortVerdict.StressReached(aborts: 99, unarmedLostUpdates: 10_000, multiple: 10), Is.False);
        Assert.That(CsAbortVerdict.StressReached(aborts: 1_000, unarmedLostUpdates: 9, multiple: 10), Is.False);
    }

    [Test]
    public void Cs_abort_stops_early_on_a_cpu_id_out_of_range_or_no_abort_in_enough_switches_but_not_before()
    {
        Assert.That(CsAbortVerdict.FailConfirmed(aborts: 0, involuntarySwitches: CsAbortVerdict.MinimumSwitchesForNoAbortFail - 1, cpuIdOutOfRange: 0), Is.False);
        Assert.That(CsAbortVerdict.FailConfirmed(aborts: 0, involuntarySwitches: CsAbortVerdict.MinimumSwitchesForNoAbortFail, cpuIdOutOfRange: 0), Is.True);
        Assert.That(CsAbortVerdict.FailConfirmed(aborts: 1, involuntarySwitches: 10_000, cpuIdOutOfRange: 0), Is.False);
        Assert.That(CsAbortVerdict.FailConfirmed(aborts: 50, involuntarySwitches: 10, cpuIdOutOfRange: 1), Is.True);
    }
}
