using Harness.Vm;

namespace Harness.Tests.Vm;

public class ConsoleScannerTests
{
    static string Sample(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Vm", "Samples", name);

    static IEnumerable<ConsoleFindingKind> KindsIn(params string[] lines) =>
        ConsoleScanner.Scan(lines).Select(finding => finding.Kind);

    [Test]
    public void A_whole_normal_boot_of_a_Debian_kernel_has_no_findings()
    {
        // Recorded from Debian's 6.1.0-50-amd64 under QEMU q35/TCG with "console=ttyS0 panic=-1".
        var findings = ConsoleScanner.ScanFile(Sample("debian-6.1-boot.log"));

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_real_panic_is_found_once_with_its_line_number_and_without_its_timestamp()
    {
        // Recorded from the same kernel after "echo c > /proc/sysrq-trigger"; the sample starts at console line 320.
        var findings = ConsoleScanner.ScanFile(Sample("debian-6.1-sysrq-panic.log"));

        Assert.That(findings, Is.EqualTo(new[]
        {
            new ConsoleFinding(ConsoleFindingKind.Panic, 11, "Kernel panic - not syncing: sysrq triggered crash")
            {
                // The few lines after the header, as the notes show them; a panic prints no RIP line of its own.
                Trace =
                [
                    "CPU: 1 PID: 1 Comm: init Not tainted 6.1.0-50-amd64 #1  Debian 6.1.176-1",
                    "Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2-debian-1.16.2-1 04/01/2014",
                    "Call Trace:",
                    "<TASK>",
                    "dump_stack_lvl+0x44/0x5c",
                    "panic+0x118/0x2f4",
                    "? _printk+0x68/0x83",
                    "sysrq_handle_crash+0x16/0x20",
                ],
            },
        }));
    }

    [Test]
    public void A_NULL_pointer_oops_gives_a_bug_then_an_oops()
    {
        var kinds = KindsIn(
            "[   12.345678] BUG: kernel NULL pointer dereference, address: 0000000000000008",
            "[   12.345901] #PF: supervisor read access in kernel mode",
            "[   12.346012] #PF: error_code(0x0000) - not-present page",
            "[   12.346120] PGD 0 P4D 0 ",
            "[   12.346230] Oops: 0000 [#1] PREEMPT SMP NOPTI",
            "[   12.346340] CPU: 1 PID: 97 Comm: guest Not tainted 6.1.0-50-amd64 #1  Debian 6.1.176-1",
            "[   12.346450] RIP: 0010:rseq_ip_fixup+0x2b/0x1c0",
            "[   12.346999] ---[ end trace 0000000000000000 ]---");

        Assert.That(kinds, Is.EqualTo(new[] { ConsoleFindingKind.Bug, ConsoleFindingKind.Oops }));
    }

    [Test]
    public void A_BUG_at_a_source_line_and_a_sleeping_in_atomic_report_are_bugs() =>
        Assert.That(KindsIn(
                "[    3.100000] kernel BUG at mm/slub.c:431!",
                "[    3.200000] BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580"),
            Is.EqualTo(new[] { ConsoleFindingKind.Bug, ConsoleFindingKind.Bug }));

    [Test]
    public void A_general_protection_fault_in_the_kernel_is_an_oops_in_old_and_new_spelling() =>
        Assert.That(KindsIn(
                "[    5.000000] general protection fault, probably for non-canonical address 0xdead000000000100: 0000 [#1] PREEMPT SMP NOPTI",
                "[    5.000000] general protection fault: 0000 [#1] SMP",
                "[    5.000000] Oops: general protection fault, probably for non-canonical address 0xdead000000000100: 0000 [#1] SMP NOPTI"),
            Is.EqualTo(Enumerable.Repeat(ConsoleFindingKind.Oops, 3)));

    [Test]
    public void A_general_protection_fault_of_a_user_program_is_not_a_kernel_bug() =>
        Assert.That(KindsIn("[    7.000000] traps: guest[97] general protection fault ip:401000 sp:7ffd0000 error:0 in guest[400000+1000]"),
            Is.Empty);

    [Test]
    public void A_WARN_ON_splat_is_a_warning()
    {
        var kinds = KindsIn(
            "[    9.000000] ------------[ cut here ]------------",
            "[    9.000001] WARNING: CPU: 2 PID: 97 at kernel/rseq.c:136 rseq_get_rseq_cs+0x1a/0x1c0",
            "[    9.000100] ---[ end trace 0000000000000000 ]---");

        Assert.That(kinds, Is.EqualTo(new[] { ConsoleFindingKind.Warning }));
    }

    [Test]
    public void A_lockdep_splat_is_a_warning() =>
        Assert.That(KindsIn("[    4.000000] WARNING: possible circular locking dependency detected"),
            Is.EqualTo(new[] { ConsoleFindingKind.Warning }));

    [Test]
    public void Boot_lines_that_merely_mention_warnings_or_bugs_are_not_findings() =>
        Assert.That(KindsIn(
                "[    0.100000] Spectre V2 : WARNING: Unprivileged eBPF is enabled with eIBRS on, data leaks possible via Spectre v2 BHB attacks!",
                "[    0.200000] ACPI BIOS Warning (bug): Incorrect checksum in table [DSDT] - 0x00, should be 0x9F (20220331/utcksum-212)",
                "[    0.300000] PCI: Using host bridge windows from ACPI; if necessary, use \"pci=nocrs\" and report a bug",
                "[    0.400000] AMD-Vi: AMD IOMMUv2 functionality not available on this system - This is not a bug.",
                "[    0.500000] RETBleed: WARNING: Spectre v2 mitigation leaves CPU vulnerable to RETBleed attacks, data leaks possible!",
                "[    0.600000] platform regulatory.0: Direct firmware load for regulatory.db failed with error -2"),
            Is.Empty);

    [Test]
    public void Soft_and_hard_lockups_are_lockups_not_bugs() =>
        Assert.That(KindsIn(
                "[   48.000000] watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [guest:97]",
                "[   48.000000] NMI watchdog: Watchdog detected hard LOCKUP on cpu 1"),
            Is.EqualTo(new[] { ConsoleFindingKind.Lockup, ConsoleFindingKind.Lockup }));

    [Test]
    public void RCU_stalls_and_hung_tasks_are_lockups() =>
        Assert.That(KindsIn(
                "[   60.000000] rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:",
                "[   60.000000] rcu: INFO: rcu_sched self-detected stall on CPU",
                "[  242.000000] INFO: task guest:97 blocked for more than 120 seconds."),
            Is.EqualTo(Enumerable.Repeat(ConsoleFindingKind.Lockup, 3)));

    [Test]
    public void The_timestamp_and_a_caller_id_are_stripped_from_the_finding()
    {
        var finding = ConsoleScanner.Scan(["[    1.234567][    T1] Kernel panic - not syncing: VFS: Unable to mount root fs"]).Single();

        Assert.That(finding.Line, Is.EqualTo("Kernel panic - not syncing: VFS: Unable to mount root fs"));
        Assert.That(finding.LineNumber, Is.EqualTo(1));
    }
}

/// <summary>Checks a header the way it reaches the console, under each line prefix a kernel prints.</summary>
static class ScannerAssert
{
    // The kernel's own prefixes: the timestamp alone (5.10 to 7.3 by default), and with
    // CONFIG_PRINTK_CALLER the task ("T123") or, from interrupt context, the CPU ("C1").
    static readonly string[] Prefixes = ["[    1.234567] ", "[   12.345678][  T123] ", "[  345.678901][    C1] "];

    /// <summary>The message is found as one finding of the kind, without its prefix, under every prefix.</summary>
    public static void Found(ConsoleFindingKind kind, string message)
    {
        var findings = ConsoleScanner.Scan(Prefixes.Select(prefix => prefix + message));

        Assert.That(findings, Is.EqualTo(Prefixes.Select((_, index) => new ConsoleFinding(kind, index + 1, message))), message);
    }

    /// <summary>The message is no finding under any prefix.</summary>
    public static void NotFound(string message) =>
        Assert.That(ConsoleScanner.Scan(Prefixes.Select(prefix => prefix + message)), Is.Empty, message);
}
