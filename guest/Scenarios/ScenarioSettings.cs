namespace Guest.Scenarios;

/// <summary>What every scenario is told: how long to stress, the seed, the threads and the CPUs seen.</summary>
internal sealed record ScenarioSettings(TimeSpan Duration, long Seed, int Threads, int Cpus);
