using Harness.Config;
using Harness.Vm;

namespace Harness.Running;

/// <summary>
/// Builds the accelerator resolver of a run: the probe with the run's QEMU and KVM device, and the
/// decision cache keyed by this host's boot. Every verb that boots (run, soak) or decides as a run
/// would (doctor) gets it here, so no two verbs can disagree about KVM on one host.
/// </summary>
public static class AccelSetup
{
    /// <summary>Where the KVM device is, when not /dev/kvm (tests point it at a file that opens, to play a host with KVM).</summary>
    public const string KvmDeviceVariable = "HARNESS_KVM_DEVICE";

    public static string KvmDevice =>
        Environment.GetEnvironmentVariable(KvmDeviceVariable) is { Length: > 0 } device ? device : AccelProbe.DefaultKvmDevice;

    public static AccelResolver Create(AccelChoice choice, string qemu, string qemuVersion, string cacheRoot, Action<string> log)
    {
        var device = KvmDevice;
        return new AccelResolver(
            choice,
            new AccelProbe(qemu, device),
            new AccelDecisionCache(cacheRoot, qemuVersion, AccelDecisionCache.ReadHostBootId(), device),
            log);
    }
}
