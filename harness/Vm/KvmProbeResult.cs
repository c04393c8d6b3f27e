namespace Harness.Vm;

/// <summary>Whether a Linux kernel really ran under KVM on this host, with the evidence in one line.</summary>
/// <param name="Proof">When it worked: which kernel reached user space, and how fast.</param>
public sealed record KvmProbeResult(bool Works, string Reason, KvmProof? Proof = null)
{
    public static KvmProbeResult ReachedUserSpace(string kernel, double seconds) =>
        new(true, $"{kernel} reached user space under KVM in {seconds:0.0} s", new KvmProof(kernel, Math.Round(seconds, 2)));

    public static KvmProbeResult Failed(string kernel, string why) =>
        new(false, $"{kernel} did not reach user space under KVM: {why}");

    public static KvmProbeResult DeviceUnusable(string why) => new(false, why);

    /// <summary>The line that says what went wrong: QEMU's "error:" line rather than the assertion that follows it.</summary>
    public static string ErrorLine(string errors)
    {
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? lines.FirstOrDefault()
            ?? "no message";
    }
}

/// <summary>The evidence that KVM works here: a kernel of the run reached user space under it.</summary>
public sealed record KvmProof(string Kernel, double SecondsToUserSpace);
