namespace Harness.Soak;

/// <summary>Finds the cells whose outcome changed between the rounds of a soak.</summary>
public static class OutcomeChanges
{
    /// <summary>Every cell seen in any round whose outcome (or whose having one) differed between rounds, in the order first seen.</summary>
    public static IReadOnlyList<CellChange> Find(IReadOnlyList<SoakRound> rounds)
    {
        var cells = rounds.SelectMany(r => r.Cells).Select(c => (c.Kernel, c.Scenario)).Distinct().ToList();
        var changes = new List<CellChange>();
        foreach (var (kernel, scenario) in cells)
        {
            var spans = new List<OutcomeSpan>();
            foreach (var round in rounds)
            {
                var cell = round.Cells.FirstOrDefault(c => c.Kernel == kernel && c.Scenario == scenario);
                if (spans.Count > 0 && spans[^1].Outcome == cell?.Outcome)
                    spans[^1] = spans[^1] with { LastRound = round.Number };
                else
                    spans.Add(new OutcomeSpan(round.Number, round.Number, cell?.Outcome, cell?.Reason));
            }
            if (spans.Count > 1)
                changes.Add(new CellChange(kernel, scenario, spans));
        }
        return changes;
    }
}
