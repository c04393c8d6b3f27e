using Guest.Rseq;

namespace Guest.Scenarios.MigrationStorm;

/// <summary>
/// What one worker shares with the migrator and the scenario: its re-pin sequence, its kernel
/// thread id, and its counts, which only the worker writes until it has been joined.
/// </summary>
internal sealed class StormSlot(int index, int initialCpu)
{
    long sequence;

    public int Index { get; } = index;

    /// <summary>The CPU the worker pins itself to before the storm starts.</summary>
    public int InitialCpu { get; } = initialCpu;

    /// <summary>The worker's kernel thread id, for sched_setaffinity; 0 until it started.</summary>
    public int ThreadId { get; set; }

    /// <summary>The CPU the worker was last pinned to; the migrator's own bookkeeping.</summary>
    public int PinnedCpu { get; set; }

    /// <summary>Why the worker could not compare (no rseq area, or no pin); null when it could.</summary>
    public RseqProblem? Problem { get; set; }

    public long Comparisons { get; set; }
    public long Raced { get; set; }
    public long Mismatches { get; set; }
    public long RightOnReread { get; set; }
    public long NegativeCpuIds { get; set; }
    public long GetCpuFailures { get; set; }
    public List<string> ViolationExamples { get; } = [];

    /// <summary>Odd while the migrator re-pins this worker.</summary>
    public long ReadSequence() => Volatile.Read(ref sequence);

    public void AdvanceSequence() => Interlocked.Increment(ref sequence);
}
