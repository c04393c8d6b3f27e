using Harness.Judging;
using Protocol;

namespace Harness.History;

/// <summary>
/// One kernel × scenario cell of one run, every repeat of the kernel taken together.
/// </summary>
/// <param name="Outcomes">The outcome of each repeat, in repeat order.</param>
/// <param name="Reason">The first reason or expectation miss worth showing (a FAIL's or ERROR's reason), if any.</param>
public sealed record RunCell(string Kernel, string Scenario, CellState State, IReadOnlyList<ScenarioVerdict> Outcomes, string? Reason)
{
    /// <summary>A FAIL that the kernel's expectation asks for (a control catching its regression).</summary>
    public bool ExpectedFail => State == CellState.Met && Outcomes.Contains(ScenarioVerdict.Fail);

    /// <summary>Has a verdict that counts as failing: missed in some repeat.</summary>
    public bool Failing => State is CellState.Missed or CellState.Mixed;

    /// <summary>The outcomes as the tables print them: <c>FAIL</c>, or <c>PASS/FAIL/PASS</c> over repeats that differed.</summary>
    public string OutcomeText => string.Join("/", (Outcomes.Distinct().Count() == 1 ? Outcomes.Take(1) : Outcomes).Select(VerdictWords.Word));
}
