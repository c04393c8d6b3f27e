using Harness.Vm;

namespace Harness.Tests.Vm;

public class BootPhasesTests
{
    // The shape of a Debian 6.1 console under TCG (results of 2026-11-29), shortened.
    static readonly TimeSpan? GuestStart = TimeSpan.FromSeconds(4.70);

    static readonly string[] Console =
    [
        "[    0.000000] Linux version 6.1.0-50-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.176-1",
        "[    1.408545] Trying to unpack rootfs image as initramfs...",
        "[    2.684610] Run /init as init process",
        "[    2.853312] harness-init: running /bin/guest",
        "[    4.061100] rseqh: begin fork_cpu_id",
        "[    7.081117] rseqh: end fork_cpu_id",
        "[   17.209824] rseqh: done exit=0",
        "[   17.226283] harness-init: guest exited with status 0",
        "[   17.251251] reboot: Restarting system",
    ];

    [Test]
    public void Inits_line_on_both_ports_ties_the_kernels_clock_to_the_hosts_and_splits_the_boot_into_four_phases()
    {
        // Host: /init's port line at 4.70 s, first result line at 5.86 s, last at 19.00 s, QEMU ended at 19.30 s.
        var phases = BootPhases.From(Console, GuestStart, TimeSpan.FromSeconds(5.86), TimeSpan.FromSeconds(19.00), TimeSpan.FromSeconds(19.30))!;

        Assert.Multiple(() =>
        {
            // The kernel started at 4.70 - 2.853312 on the host's clock.
            Assert.That(phases.QemuToKernel, Is.EqualTo(1.846688).Within(1e-6));
            Assert.That(phases.KernelToInit, Is.EqualTo(2.684610).Within(1e-6));
            Assert.That(phases.InitToFirstLine, Is.EqualTo(5.86 - 1.846688 - 2.684610).Within(1e-6));
            Assert.That(phases.LastLineToExit, Is.EqualTo(0.30).Within(1e-6));
        });
    }

    [Test]
    public void A_stream_that_never_finished_has_no_phases()
    {
        Assert.That(BootPhases.From(Console, GuestStart, TimeSpan.FromSeconds(5.86), lastLine: null, TimeSpan.FromSeconds(19.30)), Is.Null);
    }

    [Test]
    public void A_console_without_inits_line_has_no_phases()
    {
        var withoutInit = Console.Where(line => !line.Contains("harness-init: running", StringComparison.Ordinal));

        Assert.That(BootPhases.From(withoutInit, GuestStart, TimeSpan.FromSeconds(5.86), TimeSpan.FromSeconds(19.00), TimeSpan.FromSeconds(19.30)), Is.Null);
    }

    [Test]
    public void An_older_guest_image_whose_init_writes_nothing_on_the_port_has_no_phases()
    {
        Assert.That(BootPhases.From(Console, guestStart: null, TimeSpan.FromSeconds(5.86), TimeSpan.FromSeconds(19.00), TimeSpan.FromSeconds(19.30)), Is.Null);
    }

    [Test]
    public void A_kernel_built_without_printk_time_stamps_has_no_phases()
    {
        var unstamped = Console.Select(line => line[(line.IndexOf(']', StringComparison.Ordinal) + 2)..]);

        Assert.That(BootPhases.From(unstamped, GuestStart, TimeSpan.FromSeconds(5.86), TimeSpan.FromSeconds(19.00), TimeSpan.FromSeconds(19.30)), Is.Null);
    }

    [TestCase("[    2.684610] Run /init as init process", 2.684610)]
    [TestCase("[12345.000001] x", 12345.000001)]
    [TestCase("Run /init as init process", null)]
    [TestCase("early console in setup code", null)]
    public void A_console_lines_stamp_is_read_in_seconds(string line, double? expected)
    {
        Assert.That(BootPhases.Stamp(line), Is.EqualTo(expected));
    }
}
