using Harness.Config;

namespace Harness.Vm;

/// <summary>
/// The accelerator of one run. Under <c>auto</c> it is decided at the first boot, by the
/// <see cref="AccelProbe"/> booting that kernel under KVM, and kept for the rest of the run; a KVM boot
/// that stalls later makes the run switch to TCG for good (<see cref="FallBackToTcg"/>).
/// </summary>
public sealed class AccelResolver(AccelChoice choice, AccelProbe probe, AccelDecisionCache? cache, Action<string> log)
{
    readonly SemaphoreSlim _gate = new(1, 1);
    AccelDecision? _decision;

    public AccelChoice Choice => choice;

    /// <summary>The decision so far; null until the first boot under <c>auto</c>.</summary>
    public AccelDecision? Current => _decision;

    /// <summary>What can be known before anything boots: an explicit KVM whose device does not open is an error of the host.</summary>
    /// <exception cref="AccelUnavailableException">KVM was chosen explicitly and its device does not open.</exception>
    public void CheckUpFront()
    {
        if (choice == AccelChoice.Kvm && probe.CannotOpenDevice() is { } problem)
            throw new AccelUnavailableException(problem);
    }

    /// <summary>The accelerator for a boot of <paramref name="boot"/>'s kernel: probed on the first call under <c>auto</c>.</summary>
    public async Task<AccelDecision> DecideAsync(ProbeBoot boot, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return _decision ??= await FirstDecisionAsync(boot, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether a stalled KVM boot may be booted again under TCG (only when KVM was the probe's choice, not the user's).</summary>
    public bool MayFallBack => choice == AccelChoice.Auto && _decision?.Accel == Accel.Kvm;

    /// <summary>Drops KVM for the rest of the run after <paramref name="kernel"/>'s KVM boot stalled or failed.</summary>
    public AccelDecision FallBackToTcg(string kernel, string reason)
    {
        var fallback = new AccelFallback(kernel, reason);
        _decision = new AccelDecision(Accel.Tcg, $"KVM stalled on {kernel} during the run, so TCG from then on: {reason}",
            _decision?.Proof, fallback);
        log($"accel: switching to tcg for the rest of the run ({kernel} under KVM: {reason})");
        return _decision;
    }

    async Task<AccelDecision> FirstDecisionAsync(ProbeBoot boot, CancellationToken ct)
    {
        var decision = choice switch
        {
            AccelChoice.Tcg => new AccelDecision(Accel.Tcg, "TCG chosen in the matrix"),
            AccelChoice.Kvm => new AccelDecision(Accel.Kvm, "KVM chosen in the matrix"),
            _ => FromProbe(await ProbeOrCachedAsync(boot, ct)),
        };
        log($"accel {decision.Accel.Word()} ({decision.Reason})");
        return decision;
    }

    async Task<KvmProbeResult> ProbeOrCachedAsync(ProbeBoot boot, CancellationToken ct)
    {
        if (probe.CannotOpenDevice() is { } deviceProblem)
            return KvmProbeResult.DeviceUnusable(deviceProblem);
        if (cache is not null && await cache.TryReadAsync(boot.KernelImagePath, ct) is { } cached)
            return cached with { Reason = $"{cached.Reason} (probed earlier since the host booted; cached)" };
        log($"accel: probing KVM by booting {boot.KernelLabel} to user space");
        var result = await probe.ProbeAsync(boot, ct);
        if (cache is not null)
            await cache.WriteAsync(boot.KernelImagePath, result, ct);
        return result;
    }

    static AccelDecision FromProbe(KvmProbeResult result) => result.Works
        ? new AccelDecision(Accel.Kvm, result.Reason, result.Proof)
        : new AccelDecision(Accel.Tcg, result.Reason);
}
