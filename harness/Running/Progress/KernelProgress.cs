namespace Harness.Running.Progress;

/// <summary>One change of one kernel's phase during a run.</summary>
/// <param name="Label">The kernel as the run's lines name it, e.g. "[2/5] debian-6.1" (unique within the run).</param>
/// <param name="Detail">What the phase adds: the scenario just finished, the verdicts; null when nothing.</param>
public sealed record KernelProgress(string Label, KernelPhase Phase, string? Detail = null);
