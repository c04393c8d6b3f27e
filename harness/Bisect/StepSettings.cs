namespace Harness.Bisect;

/// <summary>What every step of one bisect does to its commit.</summary>
/// <param name="TreePath">The kernel git work tree; the step builds whatever it has checked out.</param>
/// <param name="FragmentPath">The config fragment merged onto tinyconfig (configs/rseq-guest.config by default).</param>
/// <param name="Scenarios">The scenarios that decide good and bad; others are not run.</param>
/// <param name="Repeats">Boots per commit at most (<see cref="FlakyRule"/> may stop sooner).</param>
/// <param name="Retest">Ignore cached outcomes (they are still written).</param>
public sealed record StepSettings(
    string TreePath,
    string FragmentPath,
    IReadOnlyList<string> Scenarios,
    int Repeats,
    int Cpus,
    double? GuestSeconds,
    bool Retest);
