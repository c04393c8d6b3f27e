namespace Guest.Scenarios;

/// <summary>What every scenario is told: its cap, the seed, the threads and the CPUs seen, and how much stress to aim for.</summary>
/// <param name="Duration">The cap: a scenario stops here even short of its stress target.</param>
/// <param name="StressMultiple">A scenario stops earlier once it has this multiple of every stress minimum it states.</param>
internal sealed record ScenarioSettings(TimeSpan Duration, long Seed, int Threads, int Cpus, double StressMultiple = 10)
{
    /// <summary>The count a scenario aims for, given a minimum it states.</summary>
    public long Target(long minimum) => StressTarget.Of(minimum, StressMultiple);
}
