using System.Runtime.InteropServices;

namespace Guest.Rseq;

/// <summary>
/// Raw system calls about threads and memory that the multi-threaded scenarios make, through
/// libc's <c>syscall</c> (no glibc wrapper state, callable from any thread).
/// </summary>
internal sealed unsafe class ThreadSyscalls(LibC libc)
{
    const int RusageThread = 1;
    const int RusageSize = 144;
    const int RusageVoluntarySwitchesOffset = 128;
    const int RusageInvoluntarySwitchesOffset = 136;
    const int CpuSetBytes = 128;

    /// <summary>The kernel's id of the calling thread, for sched_setaffinity on it from another thread.</summary>
    public int GetTid() => (int)libc.Syscall(SyscallNumbers.GetTid, 0, 0, 0, 0, 0);

    public void Yield() => libc.Syscall(SyscallNumbers.SchedYield, 0, 0, 0, 0, 0);

    /// <summary>
    /// How often the calling thread was switched out (voluntarily or not), from getrusage(RUSAGE_THREAD).
    /// The scheduler counts a switch only when another task takes the CPU, so an unchanged count
    /// proves the thread kept its CPU, and everything the kernel gave it with it, in between.
    /// </summary>
    /// <returns>The count, or -1 when the call failed.</returns>
    public long ContextSwitches()
    {
        var usage = stackalloc byte[RusageSize];
        if (libc.Syscall(SyscallNumbers.GetRusage, RusageThread, (nint)usage, 0, 0, 0) != 0)
            return -1;
        return *(long*)(usage + RusageVoluntarySwitchesOffset) + *(long*)(usage + RusageInvoluntarySwitchesOffset);
    }

    /// <summary>
    /// How often the calling thread was preempted (ru_nivcsw of getrusage(RUSAGE_THREAD)): switched
    /// out while it still wanted the CPU, by a tick, a wake-up or a migration. A preemption inside an
    /// armed rseq critical section must abort it.
    /// </summary>
    /// <returns>The count, or -1 when the call failed.</returns>
    public long InvoluntarySwitches()
    {
        var usage = stackalloc byte[RusageSize];
        if (libc.Syscall(SyscallNumbers.GetRusage, RusageThread, (nint)usage, 0, 0, 0) != 0)
            return -1;
        return *(long*)(usage + RusageInvoluntarySwitchesOffset);
    }

    /// <summary>Pins thread <paramref name="tid"/> to one CPU; returns 0 or the errno.</summary>
    public int PinToCpu(int tid, int cpu)
    {
        if (cpu < 0 || cpu >= CpuSetBytes * 8)
            throw new ArgumentOutOfRangeException(nameof(cpu), cpu, "beyond the affinity mask");
        var mask = stackalloc byte[CpuSetBytes];
        new Span<byte>(mask, CpuSetBytes).Clear();
        mask[cpu / 8] = (byte)(1 << (cpu % 8));
        var result = libc.Syscall(SyscallNumbers.SchedSetAffinity, tid, CpuSetBytes, (nint)mask, 0, 0);
        return result == 0 ? 0 : Marshal.GetLastSystemError();
    }

    /// <summary>
    /// Puts the calling thread in SCHED_FIFO at the lowest real-time priority: a wake-up of it then
    /// preempts any ordinary (CFS) thread on its CPU at once, instead of waiting for the scheduler
    /// to find it due. Needs CAP_SYS_NICE (root, as in the VM).
    /// </summary>
    /// <returns>0, or the errno (EPERM without the capability).</returns>
    public int BecomeRealTime()
    {
        const int SchedFifo = 1;
        var lowestPriority = 1;
        var result = libc.Syscall(SyscallNumbers.SchedSetScheduler, 0, SchedFifo, (nint)(&lowestPriority), 0, 0);
        return result == 0 ? 0 : Marshal.GetLastSystemError();
    }

    /// <summary>mprotect(2); returns 0 or the errno.</summary>
    public int Protect(nint address, nuint length, int protection)
    {
        var result = libc.Syscall(SyscallNumbers.Mprotect, address, (nint)length, protection, 0, 0);
        return result == 0 ? 0 : Marshal.GetLastSystemError();
    }
}
