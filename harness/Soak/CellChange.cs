using Protocol;

namespace Harness.Soak;

/// <summary>Consecutive rounds in which a cell kept one outcome.</summary>
/// <param name="Outcome">Null when the cell had no outcome in those rounds (a selftest the guest did not report).</param>
/// <param name="Reason">The reason the first round of the stretch gave.</param>
public sealed record OutcomeSpan(int FirstRound, int LastRound, ScenarioVerdict? Outcome, string? Reason);

/// <summary>A kernel × scenario cell whose outcome was not the same in every round, as stretches of rounds.</summary>
public sealed record CellChange(string Kernel, string Scenario, IReadOnlyList<OutcomeSpan> Spans);
