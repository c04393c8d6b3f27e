using System.Runtime.InteropServices;

namespace Guest.Rseq;

/// <summary>
/// Finds the calling thread's rseq area for the process's <see cref="RseqAbi"/>: under v1 glibc's
/// when glibc registered one, else a 32-byte area the guest registers itself; under v2 always an
/// area of the guest's own, longer than 32 bytes. The answer is kept, because a second
/// registration of the same thread fails.
/// </summary>
/// <remarks>Call only from the thread the scenarios run on: rseq registrations are per thread.</remarks>
internal sealed unsafe class RseqRegistrar(LibC libc, Syscalls syscalls, RseqAbi abi)
{
    RseqRegistration? registration;

    /// <summary>The ABI this registrar registers with; a worker thread's own registrar takes the same.</summary>
    public RseqAbi Abi => abi;

    public RseqRegistration ForCurrentThread() => registration ??= abi switch
    {
        RseqAbi.V2 => RegisterAbiV2Area(),
        _ => FindGlibcArea() ?? RegisterOwnArea(RseqAreaShape.Original, ProblemOf),
    };

    /// <summary>
    /// glibc 2.35+ puts the area at thread pointer + <c>__rseq_offset</c>; on x86-64 glibc's thread
    /// pointer is the thread descriptor, which <c>pthread_self()</c> returns. <c>__rseq_size == 0</c>
    /// means glibc did not register (tunable off, or its registration failed).
    /// </summary>
    RseqRegistration? FindGlibcArea()
    {
        var offsetSymbol = libc.DataExport("__rseq_offset");
        var size = GlibcRseqSize();
        if (offsetSymbol == 0 || size == 0)
            return null;
        var area = libc.PthreadSelf() + *(nint*)offsetSymbol;
        var cpuId = RseqArea.ReadCpuId(area);
        return cpuId >= 0
            // glibc registers max(__rseq_size, 32) bytes: __rseq_size is the feature size it uses,
            // which 2.40+ can set below the 32 bytes every registration needs.
            ? new RseqRegistration(area, RseqOwner.Glibc, Math.Max(size, RseqLayout.OriginalSize), null)
            // glibc published the area, so the kernel accepted its registration: a negative cpu_id
            // after that is the kernel failing the contract, not a missing feature.
            : RseqRegistration.Unavailable(RseqProblem.Refused($"cpu_id={cpuId} in glibc's registered rseq area"));
    }

    /// <summary><c>__rseq_size</c>, or 0 when this glibc exports none or did not register.</summary>
    int GlibcRseqSize()
    {
        var sizeSymbol = libc.DataExport("__rseq_size");
        return sizeSymbol == 0 ? 0 : (int)*(uint*)sizeSymbol;
    }

    RseqRegistration RegisterAbiV2Area()
    {
        // The guest's environment, not the kernel, kept it from testing: no verdict either way.
        if (GlibcRseqSize() != 0)
            return RseqRegistration.Unavailable(RseqProblem.Untestable(
                "glibc registered rseq despite GLIBC_TUNABLES=glibc.pthread.rseq=0, so no area of our own for ABI v2"));
        var featureSize = syscalls.RseqFeatureSize();
        var alignment = syscalls.RseqAlignment();
        var shape = RseqAreaShape.Extended(featureSize, alignment);
        if (shape is null)
            return RseqRegistration.Unavailable(RseqProblem.NoAbiV2(featureSize));
        return RegisterOwnArea(shape, errno => ProblemOfAbiV2(errno, shape, featureSize, alignment));
    }

    /// <param name="problemOf">What the kernel's refusal, by errno, says about it.</param>
    RseqRegistration RegisterOwnArea(RseqAreaShape shape, Func<int, RseqProblem> problemOf)
    {
        var area = (nint)NativeMemory.AlignedAlloc((nuint)shape.Length, (nuint)shape.Alignment);
        NativeMemory.Clear((void*)area, (nuint)shape.Length);
        *(int*)(area + RseqLayout.CpuIdOffset) = RseqLayout.CpuIdUninitialized;

        var errno = syscalls.Rseq(area, shape.Length, 0, RseqLayout.Signature);
        if (errno != 0)
        {
            NativeMemory.AlignedFree((void*)area);
            return RseqRegistration.Unavailable(problemOf(errno));
        }

        // The area is never freed: the kernel writes into it until the thread exits.
        var cpuId = RseqArea.ReadCpuId(area);
        return cpuId >= 0
            ? new RseqRegistration(area, RseqOwner.Guest, shape.Length, null)
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

    /// <summary>
    /// A v2 registration the kernel refused although its auxiliary vector announced the size and
    /// alignment it was made with: the kernel broke its own announcement, a FAIL naming the errno.
    /// ENOSYS stays a missing rseq (the harness holds that against the version).
    /// </summary>
    internal static RseqProblem ProblemOfAbiV2(int errno, RseqAreaShape shape, long featureSize, long alignment) =>
        errno == SyscallNumbers.ErrnoNoSys
            ? ProblemOf(errno)
            : RseqProblem.Refused(
                $"ABI v2 rseq registration of {shape.Length} bytes aligned on {shape.Alignment} refused ({SyscallNumbers.ErrnoName(errno)}), "
                + $"although AT_RSEQ_FEATURE_SIZE={featureSize} and AT_RSEQ_ALIGN={alignment} say the kernel accepts it");
}
