namespace Guest.Scenarios.AffinityPin;

/// <summary>
/// Everything the forked child needs, gathered by the parent before fork, so the child reads no
/// static field (which could run a class constructor) and resolves nothing.
/// </summary>
/// <param name="cpus">The CPUs to pin to, in native memory the child inherits a copy of.</param>
internal readonly unsafe struct PinChildContext(
    nint rseqArea,
    PinReport* report,
    int* cpus,
    int cpuCount,
    delegate* unmanaged[SuppressGCTransition]<nint, nint, nint, nint, nint, nint, nint> syscall,
    delegate* unmanaged[SuppressGCTransition]<int, void> exit)
{
    public nint RseqArea { get; } = rseqArea;

    public PinReport* Report { get; } = report;

    public int* Cpus { get; } = cpus;

    public int CpuCount { get; } = cpuCount;

    public delegate* unmanaged[SuppressGCTransition]<nint, nint, nint, nint, nint, nint, nint> Syscall { get; } = syscall;

    public delegate* unmanaged[SuppressGCTransition]<int, void> Exit { get; } = exit;
}
