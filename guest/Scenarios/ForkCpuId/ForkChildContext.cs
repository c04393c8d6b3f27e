namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// Everything the forked child needs, gathered by the parent before fork, so the child reads no
/// static field (which could run a class constructor) and resolves nothing.
/// </summary>
internal readonly unsafe struct ForkChildContext(
    nint rseqArea,
    ChildReport* report,
    delegate* unmanaged[SuppressGCTransition]<nint, nint, nint, nint, nint, nint, nint> syscall,
    delegate* unmanaged[SuppressGCTransition]<int, void> exit)
{
    public nint RseqArea { get; } = rseqArea;

    public ChildReport* Report { get; } = report;

    public delegate* unmanaged[SuppressGCTransition]<nint, nint, nint, nint, nint, nint, nint> Syscall { get; } = syscall;

    public delegate* unmanaged[SuppressGCTransition]<int, void> Exit { get; } = exit;
}
