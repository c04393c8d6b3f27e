using System.Runtime.InteropServices;
using Guest.Rseq;

namespace Guest.Forking;

/// <summary>An anonymous MAP_SHARED mapping: the one memory a forked child and its parent both see.</summary>
internal sealed unsafe class SharedPage : IDisposable
{
    const int ProtReadWrite = 0x1 | 0x2;
    const int MapSharedAnonymous = 0x01 | 0x20;
    static readonly nint MapFailed = -1;

    readonly LibC libc;
    readonly nuint size;

    SharedPage(LibC libc, nint address, nuint size)
    {
        this.libc = libc;
        Address = address;
        this.size = size;
    }

    public nint Address { get; }

    public static SharedPage Map(LibC libc, int size)
    {
        var length = (nuint)size;
        var address = libc.Mmap(0, length, ProtReadWrite, MapSharedAnonymous, -1, 0);
        if (address == MapFailed)
            throw new InvalidOperationException($"mmap of a shared page failed (errno {Marshal.GetLastSystemError()})");
        return new SharedPage(libc, address, length);
    }

    public void Dispose() => libc.Munmap(Address, size);
}
