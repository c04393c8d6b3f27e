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
            "-smp", Topology(request),
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

    /// <summary>
    /// Under TCG, QEMU's default CPU (qemu64) plus RDRAND, which TCG emulates from the host's
    /// getrandom. Without it a kernel of 5.18 or newer starts with its random pool unseeded, and the
    /// guest's first /dev/urandom read (the .NET runtime's string-hash seed, before the first
    /// scenario) waits while the kernel gathers timer jitter: 1.2 to 1.8 s of every boot under TCG
    /// ("random: crng init done" just before the first scenario; bench/RESULTS.md's "/init to first
    /// line" of the built 7.2 kernels). With RDRAND the kernel seeds its pool at boot (random.trust_cpu
    /// is on by default), as on any x86 host since 2012 and under KVM's -cpu host. The instruction
    /// feeds only the random pool, nothing rseq touches.
    /// </summary>
    const string TcgCpu = "qemu64,+rdrand";

    static IEnumerable<string> AccelArguments(Accel accel) => accel switch
    {
        Accel.Kvm => ["-accel", "kvm", "-cpu", "host"],
        Accel.Tcg => ["-accel", "tcg,thread=multi", "-cpu", TcgCpu],
        _ => throw new ArgumentOutOfRangeException(nameof(accel), accel, "unknown accelerator"),
    };

    /// <summary>
    /// One socket per vCPU on a NUMA layout. QEMU's default puts every vCPU in one socket sharing one
    /// last-level cache, so vCPUs of different nodes would share a cache: Linux then warns at boot
    /// ("sched: CPU #2's llc-sibling CPU #0 is not on the same node!", a WARNING in topology_sane on
    /// Debian's 7.2), a finding that is QEMU's topology, not the kernel's fault. Without NUMA the
    /// default topology stays, as it was measured.
    /// </summary>
    static string Topology(VmRequest request) => request.NumaNodes > 1
        ? $"{Number(request.Cpus)},sockets={Number(request.Cpus)},cores=1,threads=1"
        : Number(request.Cpus);

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
