using System.Runtime.InteropServices;
using System.Text;

namespace Guest.Rseq;

/// <summary>The raw system calls the parent side of the guest makes, through libc's <c>syscall</c>.</summary>
internal sealed unsafe class Syscalls(LibC libc)
{
    const int UtsFieldLength = 65;
    const int UtsReleaseIndex = 2;
    const int UtsFieldCount = 6;

    /// <summary>
    /// The CPU the kernel says the thread runs on: the raw getcpu system call, never glibc's
    /// sched_getcpu(), which reads rseq's cpu_id itself when glibc registered rseq.
    /// </summary>
    /// <returns>The CPU number, or -1 when the call failed.</returns>
    public int GetCpu()
    {
        uint cpu = 0;
        var result = libc.Syscall(SyscallNumbers.GetCpu, (nint)(&cpu), 0, 0, 0, 0);
        return result == 0 ? (int)cpu : -1;
    }

    /// <summary>The calling thread's kernel id, which sched_setaffinity takes to pin that one thread.</summary>
    public int GetTid() => (int)libc.Syscall(SyscallNumbers.GetTid, 0, 0, 0, 0, 0);

    /// <summary>
    /// The calling thread's voluntary context switches (getrusage RUSAGE_THREAD, ru_nvcsw): they
    /// rise only when the thread blocks, so a rise across a sleep proves the sleep switched it out.
    /// </summary>
    /// <returns>The count, or -1 when the call failed.</returns>
    public long ThreadVoluntarySwitches()
    {
        const int RusageThread = 1;
        const int RusageSize = 144;
        const int VoluntarySwitchesOffset = 128;
        var usage = stackalloc byte[RusageSize];
        return libc.Syscall(SyscallNumbers.GetRusage, RusageThread, (nint)usage, 0, 0, 0) == 0
            ? *(long*)(usage + VoluntarySwitchesOffset)
            : -1;
    }

    /// <summary>Calls rseq(2); returns 0 or the errno.</summary>
    public int Rseq(nint area, int length, int flags, uint signature)
    {
        var result = libc.Syscall(SyscallNumbers.Rseq, area, length, flags, (nint)signature, 0);
        return result == 0 ? 0 : Marshal.GetLastSystemError();
    }

    /// <summary>The kernel release (uname -r), or null when the call failed.</summary>
    public string? KernelRelease()
    {
        var buffer = stackalloc byte[UtsFieldLength * UtsFieldCount];
        if (libc.Syscall(SyscallNumbers.Uname, (nint)buffer, 0, 0, 0, 0) != 0)
            return null;
        var release = new ReadOnlySpan<byte>(buffer + UtsFieldLength * UtsReleaseIndex, UtsFieldLength);
        var end = release.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? release : release[..end]);
    }

    /// <summary>Online CPUs (sysconf _SC_NPROCESSORS_ONLN), not the affinity mask nor a cgroup quota.</summary>
    public int OnlineCpus()
    {
        const int ScNProcessorsOnline = 84;
        var count = libc.SysConf(ScNProcessorsOnline);
        return count > 0 ? (int)count : Environment.ProcessorCount;
    }

    /// <summary>AT_RSEQ_FEATURE_SIZE from the auxiliary vector; 0 before 6.3.</summary>
    public long RseqFeatureSize() => (long)libc.GetAuxVal(RseqLayout.AtRseqFeatureSize);

    /// <summary>AT_RSEQ_ALIGN from the auxiliary vector: the alignment a longer registration needs; 0 before 6.3.</summary>
    public long RseqAlignment() => (long)libc.GetAuxVal(RseqLayout.AtRseqAlign);
}
