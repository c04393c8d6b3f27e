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
            : RseqRegistration.Unavailable($"glibc area has cpu_id={cpuId}");
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
            return RseqRegistration.Unavailable(DescribeFailure(errno));
        }

        // The area is never freed: the kernel writes into it until the thread exits.
        var cpuId = RseqArea.ReadCpuId(area);
        return cpuId >= 0
            ? new RseqRegistration(area, RseqOwner.Guest, null)
            : RseqRegistration.Unavailable($"cpu_id={cpuId} after registering");
    }

    static string DescribeFailure(int errno) => errno switch
    {
        SyscallNumbers.ErrnoNoSys => "kernel has no rseq system call (ENOSYS)",
        SyscallNumbers.ErrnoInvalid => "rseq registration refused (EINVAL): another area is registered",
        SyscallNumbers.ErrnoBusy => "rseq registration refused (EBUSY): already registered",
        SyscallNumbers.ErrnoPermission => "rseq registration refused (EPERM): signature mismatch",
        _ => $"rseq registration failed (errno {errno})",
    };
}
