using System.Runtime.InteropServices;

namespace Guest.Scenarios.CsAbort;

/// <summary>One 64-bit counter per possible CPU, each on its own 64-byte line, in native memory the stub writes.</summary>
internal sealed unsafe class PerCpuCounters : IDisposable
{
    PerCpuCounters(nint address, int slots)
    {
        Address = address;
        Slots = slots;
    }

    public nint Address { get; }

    public int Slots { get; }

    public static PerCpuCounters Allocate(int slots)
    {
        var bytes = (nuint)(slots * PerCpuIncrementCode.CounterStride);
        var address = NativeMemory.AlignedAlloc(bytes, PerCpuIncrementCode.CounterStride);
        NativeMemory.Clear(address, bytes);
        return new PerCpuCounters((nint)address, slots);
    }

    public long this[int cpu] => Volatile.Read(ref *(long*)(Address + cpu * PerCpuIncrementCode.CounterStride));

    public long Sum()
    {
        long sum = 0;
        for (var cpu = 0; cpu < Slots; cpu++)
            sum += this[cpu];
        return sum;
    }

    public void Dispose() => NativeMemory.AlignedFree((void*)Address);
}
