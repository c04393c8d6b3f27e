using Harness.Config;
using Harness.Results;
using Harness.Vm;

namespace Harness.Running;

/// <summary>The QEMU version and the accelerator the whole run will use, found once before any kernel boots.</summary>
public static class VmEnvironmentProbe
{
    public static async Task<VmEnvironment> ProbeAsync(string qemuPath, AccelChoice choice, CancellationToken cancellationToken)
    {
        var version = await new QemuVersion(qemuPath).ReadAsync(cancellationToken);
        var accel = await new AccelProbe(qemuPath).ResolveAsync(choice, cancellationToken);
        return new VmEnvironment(version, accel.Accel, accel.Reason);
    }
}
