namespace Harness.Config;

/// <summary>What the guest is told on the kernel command line.</summary>
/// <param name="Seconds">Seconds of stress each scenario aims for.</param>
/// <param name="Seed">Seed of the guest's random choices; null lets the harness pick one and record it.</param>
/// <param name="Threads">Worker threads for the scenarios that use several.</param>
/// <param name="Scenarios">Scenarios to run; empty means all the guest knows.</param>
public sealed record GuestSettings(double Seconds, long? Seed, int Threads, IReadOnlyList<string> Scenarios)
{
    public static GuestSettings Standard { get; } = new(Seconds: 3, Seed: null, Threads: 4, Scenarios: []);
}
