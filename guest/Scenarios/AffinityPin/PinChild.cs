using Guest.Forking;
using Guest.Rseq;

namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// The code an affinity_pin child runs between fork and _exit, with the same rules as
/// fork_cpu_id's child: no allocation, no exception, no runtime call; raw system calls through
/// libc's syscall, reads of the rseq area, ints written to the shared page.
/// </summary>
/// <remarks>
/// As glibc's tst-affinity does: pin to the CPU the child already runs on, then to every other CPU
/// in turn, and look at the CPU fields right after each pin. The first pin moves nothing, so on a
/// kernel without ce3614daabea nothing refreshes the parent's cpu_id that the child inherited.
/// A struct only to name the child for <see cref="ForkLoop"/>; it is never instantiated.
/// </remarks>
internal readonly unsafe struct PinChild : IForkChild<PinChildContext>
{
    public static void Run(PinChildContext context)
    {
        var report = context.Report;
        var cpuId = (int*)(context.RseqArea + RseqLayout.CpuIdOffset);
        report->CpuIdAtStart = Volatile.Read(ref *cpuId);
        var startCpu = GetCpu(context);
        report->StartCpu = startCpu;

        var pins = 0;
        if (startCpu >= 0)
            Pin(context, startCpu, pins++);
        for (var index = 0; index < context.CpuCount && pins < PinReport.MaxPins; index++)
        {
            var target = context.Cpus[index];
            if (target != startCpu)
                Pin(context, target, pins++);
        }
        report->PinCount = pins;
        Volatile.Write(ref report->Completed, PinReport.CompletedMarker);
        context.Exit(0);
    }

    static void Pin(PinChildContext context, int target, int pin)
    {
        var mask = CpuMask.Single(target);
        var result = context.Syscall(SyscallNumbers.SchedSetAffinity, 0, CpuMask.SizeInBytes, (nint)(&mask), 0, 0);
        // The fields are read before anything else once the call returns, as glibc's test read
        // sched_getcpu(): a getcpu first would be harmless, but nothing may stand in between.
        var cpuIdStart = (int*)(context.RseqArea + RseqLayout.CpuIdStartOffset);
        var cpuId = (int*)(context.RseqArea + RseqLayout.CpuIdOffset);
        for (var reading = 0; reading < PinReport.ReadingsPerPin; reading++)
        {
            var slot = PinReport.ReadingSlot(context.Report, pin, reading);
            slot[0] = Volatile.Read(ref *cpuIdStart);
            slot[1] = Volatile.Read(ref *cpuId);
            slot[2] = GetCpu(context);
        }
        context.Report->Target[pin] = target;
        context.Report->Result[pin] = (int)result;
    }

    static int GetCpu(PinChildContext context)
    {
        uint cpu = 0;
        return context.Syscall(SyscallNumbers.GetCpu, (nint)(&cpu), 0, 0, 0, 0) == 0 ? (int)cpu : -1;
    }
}
