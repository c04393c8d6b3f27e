using Harness.Vm;

namespace Harness.Tests.Vm;

public class QemuArgumentsTests
{
    static VmRequest Request(Accel accel = Accel.Tcg, int cpus = 4, int memoryMiB = 512, int numaNodes = 1) => new(
        "/k/bzImage", "/k/initramfs.cpio.gz", cpus, memoryMiB, accel, ["rseqh.seconds=5", "rseqh.seed=7"],
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), "/out/console.log", "/out/results.log", numaNodes);

    /// <summary>The value that follows each occurrence of an option.</summary>
    static List<string> ValuesOf(IReadOnlyList<string> args, string option) =>
        args.Select((arg, index) => (arg, index)).Where(pair => pair.arg == option).Select(pair => args[pair.index + 1]).ToList();

    [Test]
    public void The_console_is_the_first_serial_port_and_the_results_the_second()
    {
        var args = QemuArguments.Build(Request());

        Assert.That(ValuesOf(args, "-serial"), Is.EqualTo(new[] { "file:/out/console.log", "stdio" }));
    }

    [Test]
    public void Nothing_but_the_results_can_reach_stdout()
    {
        var args = QemuArguments.Build(Request());

        Assert.That(args, Does.Contain("-nodefaults").And.Contain("-no-reboot"));
        Assert.That(ValuesOf(args, "-display"), Is.EqualTo(new[] { "none" }));
        Assert.That(ValuesOf(args, "-monitor"), Is.EqualTo(new[] { "none" }));
    }

    [Test]
    public void TCG_runs_one_host_thread_per_vCPU_on_q35()
    {
        var args = QemuArguments.Build(Request(Accel.Tcg));

        Assert.That(ValuesOf(args, "-M"), Is.EqualTo(new[] { "q35" }));
        Assert.That(ValuesOf(args, "-accel"), Is.EqualTo(new[] { "tcg,thread=multi" }));
    }

    [Test]
    public void TCG_emulates_QEMUs_default_CPU_with_RDRAND_so_the_kernel_seeds_its_random_pool_at_boot()
    {
        var args = QemuArguments.Build(Request(Accel.Tcg));

        Assert.That(ValuesOf(args, "-cpu"), Is.EqualTo(new[] { "qemu64,+rdrand" }));
    }

    [Test]
    public void KVM_passes_the_host_CPU_through()
    {
        var args = QemuArguments.Build(Request(Accel.Kvm));

        Assert.That(ValuesOf(args, "-accel"), Is.EqualTo(new[] { "kvm" }));
        Assert.That(ValuesOf(args, "-cpu"), Is.EqualTo(new[] { "host" }));
    }

    [Test]
    public void CPUs_memory_kernel_and_initramfs_come_from_the_request()
    {
        var args = QemuArguments.Build(Request(cpus: 3, memoryMiB: 768));

        Assert.That(ValuesOf(args, "-smp"), Is.EqualTo(new[] { "3" }));
        Assert.That(ValuesOf(args, "-m"), Is.EqualTo(new[] { "768" }));
        Assert.That(ValuesOf(args, "-kernel"), Is.EqualTo(new[] { "/k/bzImage" }));
        Assert.That(ValuesOf(args, "-initrd"), Is.EqualTo(new[] { "/k/initramfs.cpio.gz" }));
    }

    [Test]
    public void The_kernel_command_line_has_the_console_the_panic_reboot_and_the_guest_words_but_not_quiet()
    {
        var append = ValuesOf(QemuArguments.Build(Request(accel: Accel.Kvm)), "-append").Single();

        Assert.That(append, Is.EqualTo("console=ttyS0 panic=-1 rseqh.seconds=5 rseqh.seed=7"));
    }

    [Test]
    public void Under_tcg_the_tsc_is_declared_unstable_the_delay_loop_preset_and_the_crypto_self_tests_skipped()
    {
        var append = ValuesOf(QemuArguments.Build(Request(accel: Accel.Tcg)), "-append").Single();

        Assert.That(append, Is.EqualTo("console=ttyS0 panic=-1 tsc=unstable lpj=8000000 cryptomgr.notests rseqh.seconds=5 rseqh.seed=7"));
    }

    [Test]
    public void One_NUMA_node_adds_no_NUMA_layout()
    {
        var args = QemuArguments.Build(Request(numaNodes: 1));

        Assert.That(args, Does.Not.Contain("-numa").And.Not.Contain("-object"));
    }

    [Test]
    public void NUMA_nodes_split_the_CPUs_and_the_memory_with_a_memory_backend_each()
    {
        var args = QemuArguments.Build(Request(cpus: 3, memoryMiB: 501, numaNodes: 2));

        Assert.That(ValuesOf(args, "-object"), Is.EqualTo(new[]
        {
            "memory-backend-ram,id=numa-mem0,size=251M",
            "memory-backend-ram,id=numa-mem1,size=250M",
        }));
        Assert.That(ValuesOf(args, "-numa"), Is.EqualTo(new[]
        {
            "node,nodeid=0,cpus=0-1,memdev=numa-mem0",
            "node,nodeid=1,cpus=2,memdev=numa-mem1",
        }));
    }

    [Test]
    public void On_NUMA_every_vCPU_is_a_socket_of_its_own_so_no_cache_is_shared_across_nodes()
    {
        Assert.That(ValuesOf(QemuArguments.Build(Request(cpus: 4, numaNodes: 2)), "-smp"), Is.EqualTo(new[] { "4,sockets=4,cores=1,threads=1" }));
        Assert.That(ValuesOf(QemuArguments.Build(Request(cpus: 4, numaNodes: 1)), "-smp"), Is.EqualTo(new[] { "4" }));
    }
}
