using System.Runtime.InteropServices;

namespace Guest.Rseq;

/// <summary>
/// The libc entry points the guest calls, resolved once from libc.so.6 as unmanaged function pointers.
/// </summary>
/// <remarks>
/// Function pointers rather than <c>[DllImport]</c>: the forked child copies them into a plain struct
/// and calls them without touching any runtime state (no stub, no static constructor, no lazy binding).
/// The calls the child makes (<see cref="Syscall"/>, <see cref="Exit"/>) and <see cref="Fork"/> itself
/// suppress the GC transition, so the child never waits on a GC that only the parent could finish.
/// </remarks>
internal sealed unsafe class LibC
{
    const string LibraryName = "libc.so.6";

    readonly nint handle;

    LibC(nint handle)
    {
        this.handle = handle;
        Syscall = (delegate* unmanaged[SuppressGCTransition]<nint, nint, nint, nint, nint, nint, nint>)Require("syscall");
        Fork = (delegate* unmanaged[SuppressGCTransition]<int>)Require("fork");
        Exit = (delegate* unmanaged[SuppressGCTransition]<int, void>)Require("_exit");
        WaitPid = (delegate* unmanaged<int, int*, int, int>)Require("waitpid");
        WaitId = (delegate* unmanaged<int, int, void*, int, int>)Require("waitid");
        Kill = (delegate* unmanaged<int, int, int>)Require("kill");
        Mmap = (delegate* unmanaged<nint, nuint, int, int, int, nint, nint>)Require("mmap");
        Munmap = (delegate* unmanaged<nint, nuint, int>)Require("munmap");
        PthreadSelf = (delegate* unmanaged[SuppressGCTransition]<nint>)Require("pthread_self");
        GetAuxVal = (delegate* unmanaged[SuppressGCTransition]<nuint, nuint>)Require("getauxval");
        SysConf = (delegate* unmanaged[SuppressGCTransition]<int, nint>)Require("sysconf");
        SchedSetAffinity = (delegate* unmanaged<int, nuint, void*, int>)Require("sched_setaffinity");
        SchedGetAffinity = (delegate* unmanaged<int, nuint, void*, int>)Require("sched_getaffinity");
        NanoSleep = (delegate* unmanaged<void*, void*, int>)Require("nanosleep");
    }

    public static LibC Load() => new(NativeLibrary.Load(LibraryName));

    /// <summary>
    /// <c>long syscall(long number, ...)</c> with five arguments. glibc's x86-64 <c>syscall</c> is
    /// assembly that ignores %al, so calling the variadic function with a fixed arity is safe.
    /// </summary>
    public delegate* unmanaged[SuppressGCTransition]<nint, nint, nint, nint, nint, nint, nint> Syscall { get; }

    public delegate* unmanaged[SuppressGCTransition]<int> Fork { get; }

    /// <summary><c>_exit</c>: leaves without atexit handlers or stdio flushes of the parent's buffers.</summary>
    public delegate* unmanaged[SuppressGCTransition]<int, void> Exit { get; }

    public delegate* unmanaged<int, int*, int, int> WaitPid { get; }

    /// <summary><c>waitid(idtype, id, siginfo_t*, options)</c>; siginfo_t is 128 bytes.</summary>
    public delegate* unmanaged<int, int, void*, int, int> WaitId { get; }

    public delegate* unmanaged<int, int, int> Kill { get; }

    public delegate* unmanaged<nint, nuint, int, int, int, nint, nint> Mmap { get; }

    public delegate* unmanaged<nint, nuint, int> Munmap { get; }

    public delegate* unmanaged[SuppressGCTransition]<nint> PthreadSelf { get; }

    public delegate* unmanaged[SuppressGCTransition]<nuint, nuint> GetAuxVal { get; }

    public delegate* unmanaged[SuppressGCTransition]<int, nint> SysConf { get; }

    /// <summary>
    /// <c>sched_setaffinity(tid, size, mask)</c>, with the GC transition: re-pinning another thread
    /// waits until that thread has been moved, which can take long under emulation.
    /// </summary>
    public delegate* unmanaged<int, nuint, void*, int> SchedSetAffinity { get; }

    public delegate* unmanaged<int, nuint, void*, int> SchedGetAffinity { get; }

    /// <summary><c>nanosleep(request, remaining)</c>, with the GC transition: it blocks.</summary>
    public delegate* unmanaged<void*, void*, int> NanoSleep { get; }

    /// <summary>The address of a data symbol of libc, or 0 when this libc does not export it.</summary>
    public nint DataExport(string name) => NativeLibrary.TryGetExport(handle, name, out var address) ? address : 0;

    nint Require(string name) => NativeLibrary.GetExport(handle, name);
}
