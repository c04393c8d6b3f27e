using System.Runtime.InteropServices;
using Guest.Forking;

namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// What an affinity_pin child leaves on the MAP_SHARED page: plain ints only, written without
/// allocating anything.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PinReport : IChildReport
{
    /// <summary>Pins per child at most: the CPU it starts on, then up to 63 others.</summary>
    public const int MaxPins = 64;

    /// <summary>Reads per pin: one right after sched_setaffinity returns, then re-reads that confirm a fault.</summary>
    public const int ReadingsPerPin = 4;

    /// <summary>Written last, so a child that died half-way is not mistaken for one that reported.</summary>
    public const int CompletedMarker = 0x600D;

    const int IntsPerReading = 3;

    public int Completed;

    /// <summary>getcpu before the first pin; -1 when it failed.</summary>
    public int StartCpu;

    /// <summary>cpu_id before the first pin: the parent's CPU on a kernel without ce3614daabea.</summary>
    public int CpuIdAtStart;

    public int PinCount;
    public fixed int Target[MaxPins];
    public fixed int Result[MaxPins];
    public fixed int Readings[MaxPins * ReadingsPerPin * IntsPerReading];

    public bool HasCompleted() => Volatile.Read(ref Completed) == CompletedMarker;

    /// <summary>Where the child writes reading <paramref name="reading"/> of pin <paramref name="pin"/>: cpu_id_start, cpu_id, getcpu.</summary>
    public static int* ReadingSlot(PinReport* report, int pin, int reading) =>
        &report->Readings[(pin * ReadingsPerPin + reading) * IntsPerReading];

    public static void CopyReadings(PinReport* report, int pin, Span<PinReading> readings)
    {
        for (var reading = 0; reading < ReadingsPerPin; reading++)
        {
            var slot = ReadingSlot(report, pin, reading);
            readings[reading] = new PinReading(slot[0], slot[1], slot[2]);
        }
    }
}
