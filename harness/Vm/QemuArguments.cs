using System.Globalization;

namespace Harness.Vm;

/// <summary>The argument list of qemu-system-x86_64 for one <see cref="VmRequest"/>.</summary>
public static class QemuArguments
{
    public static IReadOnlyList<string> Build(VmRequest request)
    {
        var args = new List<string> { "-M", "q35" };
        args.AddRange(AccelArguments(request.Accel));
        args.AddRange([
            "-smp", Number(request.Cpus),
            "-m", Number(request.MemoryMiB),
            // No window, no default devices (NIC, VGA, the default serial/monitor on stdio), no
            // monitor: stdout must carry the guest's result stream and nothing else.
            "-display", "none", "-nodefaults", "-monitor", "none",
            // The guest ends with reboot -f (or panic=-1): QEMU exits instead of booting again.
            "-no-reboot",
            "-kernel", request.KernelImagePath,
            "-initrd", request.InitramfsPath,
            "-append", KernelCommandLine.Build(request.GuestArguments, request.Accel, request.ExtraKernelArguments),
            // The order of -serial is the order of the ports: ttyS0 is the console, kept whole in a
            // file by QEMU (file: truncates, and its legacy syntax takes the rest as the path, commas included).
            "-serial", "file:" + request.ConsoleLogPath,
            // ttyS1 is the result stream, on QEMU's stdout so the runner reads it line by line as it arrives.
            "-serial", "stdio",
        ]);
        if (request.NumaNodes > 1)
            args.AddRange(NumaArguments(request));
        return args;
    }

    static IEnumerable<string> AccelArguments(string accel) => accel switch
    {
        "kvm" => ["-accel", "kvm", "-cpu", "host"],
        "tcg" => ["-accel", "tcg,thread=multi"],
        _ => throw new ArgumentException($"Unknown accelerator '{accel}': expected kvm or tcg.", nameof(accel)),
    };

    static IEnumerable<string> NumaArguments(VmRequest request)
    {
        foreach (var node in NumaLayout.Split(request.Cpus, request.MemoryMiB, request.NumaNodes))
        {
            var cpus = node.FirstCpu == node.LastCpu ? Number(node.FirstCpu) : $"{Number(node.FirstCpu)}-{Number(node.LastCpu)}";
            // memdev: QEMU 5.1+ machine types no longer take the node's size from -numa node,mem=.
            yield return "-object";
            yield return $"memory-backend-ram,id=numa-mem{Number(node.Id)},size={Number(node.MemoryMiB)}M";
            yield return "-numa";
            yield return $"node,nodeid={Number(node.Id)},cpus={cpus},memdev=numa-mem{Number(node.Id)}";
        }
    }

    static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
