namespace Harness.Running.Progress;

/// <summary>Where one kernel of a run stands, in the order a kernel goes through them.</summary>
public enum KernelPhase
{
    Queued,
    /// <summary>Getting the kernel image: from the cache, a download, or a build.</summary>
    Fetching,
    /// <summary>QEMU started; the guest's result stream has not begun.</summary>
    Booting,
    /// <summary>The guest's stream began; the detail names the scenarios finished so far.</summary>
    Running,
    /// <summary>The kernel's row is known; the detail holds its verdicts (or its ERROR).</summary>
    Done,
}
