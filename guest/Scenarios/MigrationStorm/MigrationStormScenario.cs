using System.Diagnostics;
using Guest.Rseq;
using Protocol;

namespace Guest.Scenarios.MigrationStorm;

/// <summary>
/// migration_storm: worker threads, each with its own rseq registration, compare cpu_id with getcpu
/// while a migrator re-pins them to random CPUs, as the kernel's KVM rseq_test does.
/// </summary>
internal sealed class MigrationStormScenario(LibC libc, Syscalls syscalls, RseqAbi abi) : IScenario
{
    /// <summary>Generous for TCG: the threads only register, pin themselves and wait.</summary>
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public string Name => ScenarioNames.MigrationStorm;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var stopwatch = Stopwatch.StartNew();
        var cpus = new CpuAffinity(libc).AllowedCpus();
        if (cpus.Count < MigrationStormVerdict.MinimumCpus)
            return MigrationStormVerdict.Judge(new MigrationStormCounts(0, 0, 0, 0, 0, 0, 0, cpus.Count, 0), null, []);

        var slots = new StormSlot[settings.Threads];
        for (var index = 0; index < slots.Length; index++)
            slots[index] = new StormSlot(index, cpus[index % cpus.Count]);
        using var control = new StormControl(slots.Length);
        var migrators = Migrators(slots, cpus, settings.Seed, control);
        var threads = new List<Thread>();
        foreach (var slot in slots)
            threads.Add(Start($"storm worker {slot.Index}", new StormWorker(libc, syscalls, abi, slot, control).Run));

        RseqProblem? unavailable;
        try
        {
            if (!control.WaitUntilReady(StartTimeout))
                throw new InvalidOperationException($"the workers were not ready within {StartTimeout.TotalSeconds} s");
            unavailable = slots.Select(slot => slot.Problem).FirstOrDefault(problem => problem is not null);
            if (unavailable is null)
            {
                foreach (var migrator in migrators)
                    threads.Add(Start("storm migrator", migrator.Run));
                control.Start();
                // The workers and the migrator write these counts as they go; plain reads of them
                // are whole on x86-64, and a count read a little stale only delays the stop a poll.
                StressWait.Until(
                    () => MigrationStormVerdict.FailConfirmed(slots.Sum(slot => slot.Mismatches), slots.Sum(slot => slot.NegativeCpuIds))
                          || MigrationStormVerdict.StressReached(migrators.Sum(migrator => migrator.Migrations), slots.Sum(slot => slot.Comparisons), settings.StressMultiple),
                    settings.Duration);
            }
        }
        finally
        {
            control.Stop();
            foreach (var thread in threads)
            {
                if (!thread.Join(StopTimeout))
                    throw new InvalidOperationException($"{thread.Name} did not stop within {StopTimeout.TotalSeconds} s");
            }
        }

        var counts = new MigrationStormCounts(
            slots.Length,
            migrators.Sum(migrator => migrator.Migrations),
            slots.Sum(slot => slot.Comparisons),
            slots.Sum(slot => slot.Raced),
            slots.Sum(slot => slot.RightOnReread),
            slots.Sum(slot => slot.Mismatches),
            migrators.Sum(migrator => migrator.FailedRepins),
            cpus.Count,
            stopwatch.ElapsedMilliseconds,
            slots.Sum(slot => slot.NegativeCpuIds));
        return MigrationStormVerdict.Judge(counts, unavailable, Evidence(slots, migrators));
    }

    /// <summary>
    /// One migrator per two workers, each with its own workers (<see cref="MigratorPartition"/>). A
    /// re-pin of a running worker waits until that worker's CPU has moved it, and under TCG on a
    /// busy host that CPU's vCPU thread may wait for the host: one migrator spent 4 ms of every
    /// re-pin waiting (586 migrations in 3 s on sid), two overlap their waits (1997 in 3 s). A worker
    /// still has one migrator, which alone bumps its sequence, so its rounds are judged as before.
    /// </summary>
    StormMigrator[] Migrators(StormSlot[] slots, IReadOnlyList<int> cpus, long seed, StormControl control) =>
        [.. MigratorPartition.Of(slots, MigratorPartition.MigratorsFor(slots.Length))
            .Select((own, index) => new StormMigrator(libc, own, cpus, seed + index, control))];

    static Thread Start(string name, ThreadStart body)
    {
        var thread = new Thread(body) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    /// <summary>The violations first; with none, what went wrong with the stress, if anything.</summary>
    static IReadOnlyList<string> Evidence(IReadOnlyList<StormSlot> slots, IReadOnlyList<StormMigrator> migrators)
    {
        var violations = slots.SelectMany(slot => slot.ViolationExamples).Take(ScenarioOutcome.MaxEvidenceLines).ToList();
        if (violations.Count > 0)
            return violations;
        var evidence = new List<string>();
        evidence.AddRange(migrators.Select(migrator => migrator.FailedExample).OfType<string>().Take(1));
        evidence.AddRange(migrators.Select(migrator => migrator.PriorityNote).OfType<string>().Take(1));
        return evidence;
    }
}
