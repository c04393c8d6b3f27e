using Guest.Forking;
using Guest.Rseq;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// The code a forked child runs between fork and _exit. Only the forking thread exists in the
/// child and the runtime's other threads (GC, finalizer) are gone, so this code may do nothing that
/// needs them: no allocation, no exception, no runtime call. It reads the rseq area, calls the
/// getcpu system call through libc's syscall, writes ints to the shared page and leaves.
/// </summary>
/// <remarks>A struct only to name the child for <see cref="ForkLoop"/>; it is never instantiated.</remarks>
internal readonly unsafe struct ForkChild : IForkChild<ForkChildContext>
{
    public static void Run(ForkChildContext context)
    {
        var report = context.Report;
        var cpuId = (int*)(context.RseqArea + RseqLayout.CpuIdOffset);
        for (var round = 0; round < ChildReport.Rounds; round++)
        {
            report->CpuIdBefore[round] = Volatile.Read(ref *cpuId);
            uint cpu = 0;
            var result = context.Syscall(SyscallNumbers.GetCpu, (nint)(&cpu), 0, 0, 0, 0);
            report->GetCpu[round] = result == 0 ? (int)cpu : -1;
            report->CpuIdAfter[round] = Volatile.Read(ref *cpuId);
        }
        Volatile.Write(ref report->Completed, ChildReport.CompletedMarker);
        context.Exit(0);
    }
}
