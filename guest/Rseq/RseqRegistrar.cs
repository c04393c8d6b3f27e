using System.Runtime.InteropServices;

namespace Guest.Rseq;

/// <summary>
/// Finds the main thread's rseq area: glibc's when glibc registered one, else an area the guest
/// registers itself. The answer is kept, because a second registration of the same thread fails.
/// </summary>
/// <remarks>Call only from the thread the scenarios run on: rseq registrations are per thread.</remarks>
internal sealed unsafe class RseqRegistrar(LibC libc, Syscalls syscalls)
{
    RseqRegistration? registration;

    public RseqRegistration ForCurrentThread() => registration ??= FindGlibcArea() ?? RegisterOwnArea();

    /// <summary>
    /// glibc 2.35+ puts the area at thread pointer + <c>__rseq_offset</c>; on x86-64 glibc's thread
    /// pointer is the thread descriptor, which <c>pthread_self()</c> returns. <c>__rseq_size == 0</c>
    /// means glibc did not register (tunable off, or its registration failed).
    /// </summary>
    RseqRegistration? FindGlibcArea()
    {
        var offsetSymbol = libc.DataExport("__rseq_offset");
        var sizeSymbol = libc.DataExport("__rseq_size");
        if (offsetSymbol == 0 || sizeSymbol == 0 || *(uint*)sizeSymbol == 0)
            return null;
        var area = libc.PthreadSelf() + *(nint*)offsetSymbol;
        var cpuId = RseqArea.ReadCpuId(area);
        return cpuId >= 0
            ? new RseqRegistration(area, RseqOwner.Glibc, null)
            // glibc published the area, so the kernel accepted its registration: a negative cpu_id
            // after that is the kernel failing the contract, not a missing feature.
            : RseqRegistration.Unavailable(RseqProblem.Refused($"cpu_id={cpuId} in glibc's registered rseq area"));
    }

    RseqRegistration RegisterOwnArea()
    {
        var area = (nint)NativeMemory.AlignedAlloc(RseqLayout.OriginalSize, RseqLayout.OriginalAlignment);
        NativeMemory.Clear((void*)area, RseqLayout.OriginalSize);
        *(int*)(area + RseqLayout.CpuIdOffset) = RseqLayout.CpuIdUninitialized;

        var errno = syscalls.Rseq(area, RseqLayout.OriginalSize, 0, RseqLayout.Signature);
        if (errno != 0)
        {
            NativeMemory.AlignedFree((void*)area);
            return RseqRegistration.Unavailable(ProblemOf(errno));
        }

        // The area is never freed: the kernel writes into it until the thread exits.
        var cpuId = RseqArea.ReadCpuId(area);
        return cpuId >= 0
            ? new RseqRegistration(area, RseqOwner.Guest, null)
            : RseqRegistration.Unavailable(ProblemOfCpuId(cpuId));
    }

    /// <summary>The kernel accepted the registration, so it owes a CPU number in cpu_id: -1 or -2 there is its fault.</summary>
    internal static RseqProblem ProblemOfCpuId(int cpuId) =>
        RseqProblem.Refused($"cpu_id={cpuId} after a successful rseq registration");

    /// <summary>
    /// Only ENOSYS means the kernel lacks rseq. The guest's registration is well formed (aligned,
    /// original size, x86 signature, this thread's first), so a kernel that has rseq and refuses it
    /// is wrong, whatever the errno.
    /// </summary>
    internal static RseqProblem ProblemOf(int errno) => errno switch
    {
        SyscallNumbers.ErrnoNoSys => RseqProblem.Missing("no rseq system call (ENOSYS)"),
        SyscallNumbers.ErrnoInvalid => RseqProblem.Refused("rseq registration refused (EINVAL): another area is registered"),
        SyscallNumbers.ErrnoBusy => RseqProblem.Refused("rseq registration refused (EBUSY): already registered"),
        SyscallNumbers.ErrnoPermission => RseqProblem.Refused("rseq registration refused (EPERM): signature mismatch"),
        _ => RseqProblem.Refused($"rseq registration failed (errno {errno})"),
    };
}
