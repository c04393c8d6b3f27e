using System.Runtime.InteropServices;

namespace Guest.Rseq;

/// <summary>Pins threads to CPUs and lists the CPUs the guest may use, through libc's sched_*affinity.</summary>
internal sealed unsafe class CpuAffinity(LibC libc)
{
    /// <summary>
    /// The CPUs this thread may run on, ascending. The affinity mask rather than 0..online-1, so a
    /// run under taskset or in a cpuset never pins to a CPU it may not use.
    /// </summary>
    public IReadOnlyList<int> AllowedCpus()
    {
        var mask = default(CpuMask);
        if (libc.SchedGetAffinity(0, CpuMask.SizeInBytes, &mask) != 0)
            throw new InvalidOperationException($"sched_getaffinity failed (errno {Marshal.GetLastSystemError()})");
        var cpus = new List<int>();
        for (var cpu = 0; cpu < CpuMask.MaxCpus; cpu++)
        {
            if (mask.Contains(cpu))
                cpus.Add(cpu);
        }
        return cpus;
    }

    /// <summary>Pins a thread to one CPU.</summary>
    /// <param name="threadId">The thread's kernel id (gettid); 0 for the calling thread.</param>
    /// <returns>0, or the errno of the failed call.</returns>
    public int Pin(int threadId, int cpu)
    {
        var mask = CpuMask.Single(cpu);
        return libc.SchedSetAffinity(threadId, CpuMask.SizeInBytes, &mask) == 0 ? 0 : Marshal.GetLastSystemError();
    }
}
