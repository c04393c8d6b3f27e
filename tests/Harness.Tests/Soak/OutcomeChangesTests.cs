using Harness.Soak;
using Protocol;

namespace Harness.Tests.Soak;

public class OutcomeChangesTests
{
    static readonly ProcessFootprint Footprint = new(1, 1, 1);

    static SoakRound Round(int number, params CellOutcome[] cells) => new(number, $"run-{number}", TimeSpan.FromSeconds(1), true, cells, Footprint);

    static CellOutcome Cell(string kernel, string scenario, ScenarioVerdict outcome, string? reason = null) => new(kernel, scenario, outcome, reason);

    [Test]
    public void A_cell_with_the_same_outcome_in_every_round_is_no_change()
    {
        var rounds = Enumerable.Range(1, 3).Select(n => Round(n, Cell("sid", "fork_cpu_id", ScenarioVerdict.Pass), Cell("sid", "node_id_mm_cid", ScenarioVerdict.Skip, "no node_id"))).ToList();

        Assert.That(OutcomeChanges.Find(rounds), Is.Empty);
    }

    [Test]
    public void A_cell_that_changed_is_reported_as_stretches_of_rounds_with_the_reason_of_each()
    {
        var rounds = new[]
        {
            Round(1, Cell("sid", "cs_abort", ScenarioVerdict.Pass), Cell("sid", "fork_cpu_id", ScenarioVerdict.Pass)),
            Round(2, Cell("sid", "cs_abort", ScenarioVerdict.Pass), Cell("sid", "fork_cpu_id", ScenarioVerdict.Pass)),
            Round(3, Cell("sid", "cs_abort", ScenarioVerdict.Pass), Cell("sid", "fork_cpu_id", ScenarioVerdict.Error, "boot timeout")),
            Round(4, Cell("sid", "cs_abort", ScenarioVerdict.Pass), Cell("sid", "fork_cpu_id", ScenarioVerdict.Pass)),
        };

        var change = OutcomeChanges.Find(rounds).Single();

        Assert.That(change, Is.EqualTo(new CellChange("sid", "fork_cpu_id", [
            new OutcomeSpan(1, 2, ScenarioVerdict.Pass, null),
            new OutcomeSpan(3, 3, ScenarioVerdict.Error, "boot timeout"),
            new OutcomeSpan(4, 4, ScenarioVerdict.Pass, null),
        ])).Using<CellChange>((a, b) => a.Kernel == b.Kernel && a.Scenario == b.Scenario && a.Spans.SequenceEqual(b.Spans)));
    }

    [Test]
    public void A_cell_missing_from_some_rounds_is_a_change_to_no_outcome()
    {
        var rounds = new[]
        {
            Round(1, Cell("build-7.2", "selftest:basic_test", ScenarioVerdict.Pass)),
            Round(2),
        };

        var spans = OutcomeChanges.Find(rounds).Single().Spans;

        Assert.That(spans[1], Is.EqualTo(new OutcomeSpan(2, 2, null, null)));
        Assert.That(SoakMarkdown.Span(spans[1]), Is.EqualTo("round 2 no outcome"));
    }

    [Test]
    public void A_stretch_reads_as_rounds_outcome_and_reason()
    {
        Assert.That(SoakMarkdown.Span(new OutcomeSpan(1, 3, ScenarioVerdict.Fail, "stale cpu_id")), Is.EqualTo("rounds 1–3 FAIL (stale cpu_id)"));
    }
}
