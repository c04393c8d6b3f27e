namespace Harness.Vm;

/// <summary>The accelerator the VMs of a run use and why it was chosen.</summary>
/// <param name="Proof">Under KVM chosen by the probe: the kernel that reached user space, and how fast.</param>
/// <param name="Fallback">When KVM was dropped during the run: on which kernel and why.</param>
public sealed record AccelDecision(Accel Accel, string Reason, KvmProof? Proof = null, AccelFallback? Fallback = null);

/// <summary>A switch from KVM to TCG in the middle of a run: a KVM boot stalled or failed, so that kernel and the rest ran under TCG.</summary>
public sealed record AccelFallback(string Kernel, string Reason);
