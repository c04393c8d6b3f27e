using System.Runtime.InteropServices;
using Guest.Forking;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// What a forked child leaves on the MAP_SHARED page for its parent: plain ints only, written by
/// the child without allocating anything.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ChildReport : IChildReport
{
    /// <summary>Rounds per child: well above <see cref="ChildClassifier.MinimumStaleRounds"/>.</summary>
    public const int Rounds = 8;

    /// <summary>Written last, so a child that died half-way is not mistaken for one that reported.</summary>
    public const int CompletedMarker = 0x600D;

    public int Completed;
    public fixed int CpuIdBefore[Rounds];
    public fixed int GetCpu[Rounds];
    public fixed int CpuIdAfter[Rounds];

    public bool HasCompleted() => Volatile.Read(ref Completed) == CompletedMarker;

    public readonly void CopySamples(Span<ChildSample> samples)
    {
        for (var round = 0; round < Rounds; round++)
            samples[round] = new ChildSample(CpuIdBefore[round], GetCpu[round], CpuIdAfter[round]);
    }
}
