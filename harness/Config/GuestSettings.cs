using Protocol;

namespace Harness.Config;

/// <summary>What the guest is told on the kernel command line.</summary>
/// <param name="Seconds">The cap: seconds a scenario may run at most; null means the depth's cap.</param>
/// <param name="Seed">Seed of the guest's random choices; null lets the harness pick one and record it.</param>
/// <param name="Threads">Worker threads for the scenarios that use several.</param>
/// <param name="Scenarios">Scenarios to run; empty means all the guest knows.</param>
/// <param name="Depth">quick, standard or deep: the stress multiple, the cap and which selftests run how (<see cref="StressDepthProfile"/>).</param>
/// <param name="StressMultiple">The multiple of each scenario's minimum stress it stops at; null means the depth's.</param>
public sealed record GuestSettings(
    double? Seconds,
    long? Seed,
    int Threads,
    IReadOnlyList<string> Scenarios,
    StressDepth Depth = StressDepthProfile.Default,
    double? StressMultiple = null)
{
    public static GuestSettings Standard { get; } = new(Seconds: null, Seed: null, Threads: 4, Scenarios: []);

    /// <summary>The cap a scenario runs under: the seconds set, else the depth's.</summary>
    public double CapSeconds => Seconds ?? StressDepthProfile.Of(Depth).CapSeconds;
}
