using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>
/// Lines a healthy boot or a misbehaving user program prints that share words with the kernel's
/// bug headers. Each one is a line the patterns could plausibly catch; none may be a finding.
/// </summary>
public class ConsoleScannerBootLineTests
{
    [Test]
    public void A_user_program_trapping_is_not_a_kernel_oops()
    {
        // arch/x86/kernel/traps.c show_signal(): a user-mode trap, printed with "traps: " first.
        ScannerAssert.NotFound("traps: guest[123] trap int3 ip:401136 sp:7ffc8e0b1f30 error:0 in guest[401000+1000]");
        ScannerAssert.NotFound("traps: guest[97] trap invalid opcode ip:401000 sp:7ffd0000 error:0 in guest[400000+1000]");
        ScannerAssert.NotFound("traps: guest[97] trap divide error ip:4011a2 sp:7ffe3b2c9d40 error:0 in guest[401000+2000]");
        ScannerAssert.NotFound("guest[97]: segfault at 0 ip 0000000000401136 sp 00007ffc8e0b1f30 error 4 in guest[401000+1000]");
    }

    [Test]
    public void Firmware_and_mitigation_notes_are_not_findings()
    {
        ScannerAssert.NotFound("ACPI BIOS Warning (bug): Incorrect checksum in table [DSDT] - 0x00, should be 0x9F (20220331/utcksum-212)");
        ScannerAssert.NotFound("x86/cpu: VMX (outside TXT) disabled by BIOS");
        ScannerAssert.NotFound("Spectre V2 : WARNING: Unprivileged eBPF is enabled with eIBRS on, data leaks possible via Spectre v2 BHB attacks!");
        ScannerAssert.NotFound("RETBleed: WARNING: Spectre v2 mitigation leaves CPU vulnerable to RETBleed attacks, data leaks possible!");
    }

    [Test]
    public void A_boot_line_that_starts_with_WARNING_but_is_no_WARN_is_not_a_finding() =>
        ScannerAssert.NotFound("WARNING: workqueue cpumask: online intersect > possible intersect");

    [Test]
    public void Clock_and_watchdog_notes_of_a_busy_TCG_host_are_not_findings()
    {
        ScannerAssert.NotFound("clocksource: timekeeping watchdog on CPU1: Marking clocksource 'tsc' as unstable because the skew is too large:");
        ScannerAssert.NotFound("tsc: Marking TSC unstable due to clocksource watchdog");
        ScannerAssert.NotFound("hrtimer: interrupt took 2345678 ns");
        ScannerAssert.NotFound("sched: RT throttling activated");
        ScannerAssert.NotFound("NMI watchdog: Perf NMI watchdog permanently disabled");
        ScannerAssert.NotFound("rcu: Hierarchical RCU implementation.");
        ScannerAssert.NotFound("INFO: lockdep is turned off.");
    }

    [Test]
    public void The_lines_around_a_splat_are_not_findings_of_their_own()
    {
        ScannerAssert.NotFound("------------[ cut here ]------------");
        ScannerAssert.NotFound("---[ end trace 0000000000000000 ]---");
        ScannerAssert.NotFound("---[ end Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b ]---");
        ScannerAssert.NotFound("CPU: 1 UID: 0 PID: 212 Comm: guest Not tainted 7.2.13 #1 PREEMPT(lazy)");
        ScannerAssert.NotFound("RIP: 0010:rseq_ip_fixup+0x2b/0x1c0");
        ScannerAssert.NotFound("Code: 48 8b 45 00 <0f> 0b 48 89 df e8 00 00 00 00");
        ScannerAssert.NotFound("list_add corruption. prev->next should be next (ffff888003c1a010), but was ffff888003c1a000. (prev=ffff888003c1a000).");
    }

    [Test]
    public void The_rseq_debug_note_on_a_field_user_space_wrote_is_not_a_kernel_bug()
    {
        // DEBUG_RSEQ on 6.14 to 6.18 (configs/rseq-guest-debug.config) prints this when a program
        // writes cpu_id_start, as legacy_cpu_id_start does on purpose: the program's doing, not the kernel's.
        ScannerAssert.NotFound("Detected rseq corruption for pid: 212, name: guest");
        ScannerAssert.NotFound("\tcpu_id_start: 4294967295 ?= 1");
    }

    [Test]
    public void The_command_line_naming_panic_and_oops_options_is_not_a_finding() =>
        ScannerAssert.NotFound("Kernel command line: console=ttyS0 panic=-1 oops=panic softlockup_panic=0 rseq_debug=1");
}
