using System.Runtime.InteropServices;
using Guest.Rseq;

namespace Guest.Scenarios.CsAbort;

/// <summary>
/// <see cref="PerCpuIncrementCode"/> in a private mapping: written while read-write, then made
/// read-execute (never writable and executable at once).
/// </summary>
internal sealed unsafe class ExecutableStub : IDisposable
{
    const int ProtRead = 0x1;
    const int ProtWrite = 0x2;
    const int ProtExec = 0x4;
    const int MapPrivateAnonymous = 0x02 | 0x20;
    const int PageSize = 4096;
    static readonly nint MapFailed = -1;

    readonly LibC libc;

    ExecutableStub(LibC libc, nint address)
    {
        this.libc = libc;
        Address = address;
    }

    public nint Address { get; }

    /// <summary>The <c>struct rseq_cs</c> the stub stores into rseq_cs.</summary>
    public nint Descriptor => Address;

    /// <summary><c>int percpu_inc(struct rseq *rseq, long *counters)</c>: a leaf of a few instructions, so no GC transition.</summary>
    public delegate* unmanaged[SuppressGCTransition]<nint, nint, int> Increment =>
        (delegate* unmanaged[SuppressGCTransition]<nint, nint, int>)(Address + PerCpuIncrementCode.CodeOffset);

    /// <param name="armed">False for the unarmed control (see <see cref="PerCpuIncrementCode.Assemble"/>).</param>
    public static ExecutableStub Create(LibC libc, ThreadSyscalls threadCalls, int slots, bool armed = true)
    {
        var address = libc.Mmap(0, PageSize, ProtRead | ProtWrite, MapPrivateAnonymous, -1, 0);
        if (address == MapFailed)
            throw new InvalidOperationException($"mmap of the stub page failed (errno {Marshal.GetLastSystemError()})");
        var image = PerCpuIncrementCode.Assemble(address, slots, armed);
        image.CopyTo(new Span<byte>((void*)address, PageSize));
        var errno = threadCalls.Protect(address, PageSize, ProtRead | ProtExec);
        if (errno != 0)
        {
            libc.Munmap(address, PageSize);
            throw new InvalidOperationException($"mprotect of the stub page to read-execute failed (errno {errno})");
        }
        return new ExecutableStub(libc, address);
    }

    /// <summary>Unmap only once no thread's rseq_cs points here any more (see <see cref="RseqArea.WriteRseqCs"/>).</summary>
    public void Dispose() => libc.Munmap(Address, PageSize);
}
