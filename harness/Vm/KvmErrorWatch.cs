namespace Harness.Vm;

/// <summary>
/// Spots QEMU's own report that KVM could not run the guest: "KVM internal error. Suberror: 1" (or
/// "error: kvm run failed …"), after which QEMU pauses the VM and stays alive, silent, until killed.
/// </summary>
internal sealed class KvmErrorWatch
{
    readonly TaskCompletionSource<string?> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with QEMU's error line when it arrives.</summary>
    public Task<string?> Seen => _seen.Task;

    public void Add(string line)
    {
        if (IsKvmFailure(line))
            _seen.TrySetResult(line.Trim());
    }

    public static bool IsKvmFailure(string line) =>
        line.Contains("KVM internal error", StringComparison.Ordinal)
        || line.Contains("kvm run failed", StringComparison.Ordinal);
}
