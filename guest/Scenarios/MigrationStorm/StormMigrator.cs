using Guest.Rseq;

namespace Guest.Scenarios.MigrationStorm;

/// <summary>
/// Re-pins a random worker of its own (<paramref name="slots"/>, which no other migrator touches) to a
/// random other CPU every few microseconds, bumping that worker's sequence before and after, so the
/// worker can tell a round that a re-pin raced.
/// </summary>
internal sealed unsafe class StormMigrator(LibC libc, IReadOnlyList<StormSlot> slots, IReadOnlyList<int> cpus, long seed, StormControl control)
{
    /// <summary>
    /// The pause between re-pins. A sleep rather than a spin: the workers keep every CPU busy, and a
    /// spinning migrator would take its CPU from one of them.
    /// </summary>
    const long PauseNanoseconds = 10_000;

    public long Migrations { get; private set; }
    public long FailedRepins { get; private set; }
    public string? FailedExample { get; private set; }

    /// <summary>Why the migrator ran at ordinary priority (the storm is then slower, never weaker); null when it ran real-time.</summary>
    public string? PriorityNote { get; private set; }

    public void Run()
    {
        var affinity = new CpuAffinity(libc);
        // Real-time, so each wake-up from the pause preempts a spinning worker at once. At ordinary
        // priority the workers filled the vCPUs and the pause that asks for 10 µs lasted 2.8 ms on
        // average under TCG (sid, 4 vCPUs, 3 s: 354 migrations; real-time: 586). Nothing a round
        // checks changes: a worker is still moved only between two increments of its sequence, every
        // round a re-pin raced is still thrown away, and each migration is still followed by
        // thousands of comparisons on the new CPU. The wake-ups that preempt a worker on its own CPU
        // add switches without a move, after which cpu_id must still equal getcpu. The migrator
        // sleeps or waits for the move most of the time, far below the real-time throttle (95%).
        var realTimeError = new ThreadSyscalls(libc).BecomeRealTime();
        if (realTimeError != 0)
            PriorityNote = $"migrator at ordinary priority: SCHED_FIFO refused (errno {realTimeError})";
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        control.WaitForStart();
        while (!control.Stopping)
        {
            var slot = slots[random.Next(slots.Count)];
            var cpu = OtherCpu(random, slot.PinnedCpu);
            slot.AdvanceSequence();
            var error = affinity.Pin(slot.ThreadId, cpu);
            slot.AdvanceSequence();
            if (error == 0)
            {
                Migrations++;
                slot.PinnedCpu = cpu;
            }
            else
            {
                FailedRepins++;
                FailedExample ??= $"re-pin of worker {slot.Index} to cpu {cpu} failed (errno {error})";
            }
            Pause();
        }
    }

    /// <summary>A CPU drawn uniformly among those other than <paramref name="current"/>.</summary>
    int OtherCpu(Random random, int current)
    {
        var cpu = cpus[random.Next(cpus.Count - 1)];
        return cpu == current ? cpus[^1] : cpu;
    }

    void Pause()
    {
        var request = stackalloc long[2] { 0, PauseNanoseconds };
        libc.NanoSleep(request, null);
    }
}
