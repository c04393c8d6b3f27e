using Guest.Scenarios.AffinityPin;
using Guest.Scenarios.CsAbort;
using Guest.Scenarios.ForkCpuId;
using Guest.Scenarios.LegacyCpuIdStart;
using Guest.Scenarios.MigrationStorm;
using Guest.Scenarios.NodeIdMmCid;
using Harness.Reports.Html;
using Protocol;

namespace Harness.Tests.Reports.Html;

public class StressMinimumsTests
{
    [Test]
    public void The_reports_minimums_are_the_ones_the_guests_verdicts_judge_by()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StressMinimums.For(ScenarioNames.ForkCpuId), Is.EqualTo(new StressMinimum[] { new(CounterNames.CrossCpuStarts, ForkCpuIdVerdict.MinimumCrossCpuStarts) }));
            Assert.That(StressMinimums.For(ScenarioNames.AffinityPin), Is.EqualTo(new StressMinimum[]
            {
                new(CounterNames.Children, AffinityPinVerdict.MinimumChildren), new(CounterNames.CrossCpuStarts, AffinityPinVerdict.MinimumCrossCpuStarts),
                new(CounterNames.Pins, AffinityPinVerdict.MinimumPins),
            }));
            Assert.That(StressMinimums.For(ScenarioNames.MigrationStorm), Is.EqualTo(new StressMinimum[]
            {
                new(CounterNames.Migrations, MigrationStormVerdict.MinimumMigrations), new(CounterNames.Comparisons, MigrationStormVerdict.MinimumComparisons),
            }));
            Assert.That(StressMinimums.For(ScenarioNames.NodeIdMmCid), Is.EqualTo(new StressMinimum[] { new(CounterNames.OverlapsChecked, NodeIdMmCidVerdict.MinimumOverlapsChecked) }));
            Assert.That(StressMinimums.For(ScenarioNames.CsAbort), Is.EqualTo(new StressMinimum[]
            {
                new(CounterNames.Aborts, CsAbortVerdict.MinimumAborts), new(CounterNames.UnarmedLostUpdates, CsAbortVerdict.MinimumUnarmedLostUpdates),
            }));
            Assert.That(StressMinimums.For(ScenarioNames.LegacyCpuIdStart), Is.EqualTo(new StressMinimum[] { new(CounterNames.SwitchedSleeps, LegacyCpuIdStartVerdict.MinimumSwitchedSleeps) }));
        });
    }

    [Test]
    public void A_v2_scenario_is_held_to_the_minimums_of_its_v1_twin()
    {
        foreach (var scenario in ScenarioNames.All.Where(ScenarioNames.IsAbiV2))
            Assert.That(StressMinimums.For(scenario), Is.EqualTo(StressMinimums.For(ScenarioNames.AbiV1TwinOf(scenario)!)).And.Not.Empty);
    }

    [Test]
    public void The_reading_is_the_counter_closest_to_its_minimum()
    {
        var outcome = new Harness.Judging.ScenarioOutcome(ScenarioNames.MigrationStorm, ScenarioVerdict.Pass, null,
            new Dictionary<string, long> { [CounterNames.Migrations] = 500, [CounterNames.Comparisons] = 3000 }, []);

        Assert.That(StressMinimums.Lowest(outcome), Is.EqualTo(new StressReading(CounterNames.Comparisons, 3000, 1000)));
        Assert.That(StressMinimums.Lowest(outcome)!.Multiple, Is.EqualTo(3.0));
    }
}
