using Harness.Judging;
using Protocol;

namespace Harness.Reports;

/// <summary>
/// One cell of the table, typed, so an exporter can write what it is (an outcome, a yes/no) and
/// not only how the text formats show it (<see cref="Text"/>).
/// </summary>
public abstract record Cell
{
    public abstract string Text { get; }
}

/// <summary>A value shown as it is: the kernel's name, its release, its expectation.</summary>
public sealed record TextCell(string Value) : Cell
{
    public override string Text => Value;
}

/// <summary>
/// A scenario's outcome on a kernel; null when the kernel has none for it ("-"). Over repeated boots
/// the worst outcome any boot had (a later PASS never hides a FAIL) and the <see cref="Rate"/>.
/// </summary>
/// <param name="Reason">Why it is not a plain PASS (the outcome's reason), for the formats with room to say it.</param>
public sealed record OutcomeCell(ScenarioVerdict? Outcome, string? Reason = null) : Cell
{
    /// <summary>The failure count and rate over the kernel's boots; null for a single boot.</summary>
    public FailureRate? Rate { get; init; }

    public override string Text => (Outcome is { } outcome ? VerdictWords.Word(outcome) : "-") + (Rate is { } rate ? $" {rate}" : "");
}

/// <summary>Whether the row met its expectation: "yes", or "NO" in capitals so a miss stands out.</summary>
public sealed record MetCell(bool Met) : Cell
{
    public override string Text => Met ? "yes" : "NO";
}
