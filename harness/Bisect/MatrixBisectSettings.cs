namespace Harness.Bisect;

/// <summary>What every step of a matrix bisect does to its kernel.</summary>
/// <param name="Cpus">vCPUs for every kernel; null keeps each kernel's own from the matrix.</param>
/// <param name="GuestSeconds">Seconds of stress per scenario; null keeps each kernel's own.</param>
/// <param name="Retest">Ignore cached outcomes (they are still written).</param>
public sealed record MatrixBisectSettings(
    IReadOnlyList<string> Scenarios,
    int Repeats,
    int? Cpus,
    double? GuestSeconds,
    bool Retest);
