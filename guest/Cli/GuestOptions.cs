using Protocol;

namespace Guest.Cli;

/// <summary>A validated run request.</summary>
/// <param name="Threads">Worker threads; null means one per online CPU.</param>
/// <param name="KtapPath">Where the KTAP stream goes; null means standard output.</param>
/// <param name="Duration">The cap: how long a scenario may run at most, even short of its stress.</param>
/// <param name="StressMultiple">Each scenario stops once it has this multiple of every stress minimum it states.</param>
/// <param name="Depth">What the run was asked for; it also decides which selftests run and how.</param>
/// <param name="Fault">Test only: a fault to inject after the plan line (Faults/InjectedFault).</param>
internal sealed record GuestOptions(
    IReadOnlyList<string> Scenarios,
    TimeSpan Duration,
    long Seed,
    int? Threads,
    string? KtapPath,
    string? Fault = null,
    double StressMultiple = 10,
    StressDepth Depth = StressDepth.Standard);
