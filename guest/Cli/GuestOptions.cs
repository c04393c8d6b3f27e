namespace Guest.Cli;

/// <summary>A validated run request.</summary>
/// <param name="Threads">Worker threads; null means one per online CPU.</param>
/// <param name="KtapPath">Where the KTAP stream goes; null means standard output.</param>
/// <param name="Fault">Test only: a fault to inject after the plan line (Faults/InjectedFault).</param>
internal sealed record GuestOptions(
    IReadOnlyList<string> Scenarios,
    TimeSpan Duration,
    long Seed,
    int? Threads,
    string? KtapPath,
    string? Fault = null);
