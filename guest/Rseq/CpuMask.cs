using System.Runtime.InteropServices;

namespace Guest.Rseq;

/// <summary>
/// glibc's <c>cpu_set_t</c>: 1024 bits. A plain struct with a fixed buffer, so the forked child of
/// affinity_pin can build one on its stack without allocating.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CpuMask
{
    public const int MaxCpus = 1024;
    public const int SizeInBytes = MaxCpus / 8;
    const int BitsPerWord = 64;

    fixed ulong words[MaxCpus / BitsPerWord];

    /// <summary>A mask of one CPU; <paramref name="cpu"/> must be below <see cref="MaxCpus"/>.</summary>
    public static CpuMask Single(int cpu)
    {
        var mask = default(CpuMask);
        mask.words[cpu / BitsPerWord] = 1UL << (cpu % BitsPerWord);
        return mask;
    }

    public readonly bool Contains(int cpu) =>
        cpu is >= 0 and < MaxCpus && ((words[cpu / BitsPerWord] >> (cpu % BitsPerWord)) & 1) != 0;
}
