namespace Harness.Config;

/// <summary>Whether a kernel is expected to keep the rseq contract or, as a known-bad control, to break it.</summary>
public enum ExpectationKind
{
    Pass,
    Fail,
}

/// <summary>
/// What a kernel is expected to show: <c>pass</c>; <c>fail</c> (some guest-reported FAIL); or, for a
/// control whose regression is known, <c>{fail: [scenarios]}</c>: exactly those FAIL and the rest
/// PASS, so a control that fails for another reason, or stops catching one of its regressions,
/// is noticed.
/// </summary>
/// <param name="FailingScenarios">With <see cref="ExpectationKind.Fail"/>: the scenarios that must FAIL; empty means any one will do.</param>
public sealed record Expectation(ExpectationKind Kind, IReadOnlyList<string> FailingScenarios)
{
    public static Expectation Pass { get; } = new(ExpectationKind.Pass, []);

    public static Expectation Fail { get; } = new(ExpectationKind.Fail, []);

    public static Expectation FailIn(params IReadOnlyList<string> scenarios) => new(ExpectationKind.Fail, scenarios);

    /// <summary>As the table shows it: <c>pass</c>, <c>fail</c>, <c>fail: fork_cpu_id, affinity_pin</c>.</summary>
    public string Describe() => Kind switch
    {
        ExpectationKind.Pass => "pass",
        _ when FailingScenarios.Count > 0 => $"fail: {string.Join(", ", FailingScenarios)}",
        _ => "fail",
    };

    public override string ToString() => Describe();

    // A record compares lists by reference; two expectations naming the same scenarios are the same.
    public bool Equals(Expectation? other) =>
        other is not null && Kind == other.Kind && FailingScenarios.SequenceEqual(other.FailingScenarios, StringComparer.Ordinal);

    public override int GetHashCode() =>
        FailingScenarios.Aggregate(Kind.GetHashCode(), (hash, scenario) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(scenario)));
}
