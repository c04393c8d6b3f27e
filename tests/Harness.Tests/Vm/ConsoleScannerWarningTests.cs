using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>
/// WARN() in kernel/panic.c __warn, whose header changed in 6.19, and lockdep's own headers
/// (kernel/locking/lockdep.c, unchanged from 5.10 to 7.3).
/// </summary>
public class ConsoleScannerWarningTests
{
    [Test]
    public void A_WARN_as_5_10_to_6_18_print_it_is_a_warning()
    {
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: CPU: 1 PID: 42 at kernel/sched/core.c:123 func+0x12/0x34");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: CPU: 0 PID: 1 at lib/refcount.c:25 refcount_warn_saturate+0x9e/0x110");
    }

    [Test]
    public void A_WARN_without_a_file_as_5_10_to_6_18_print_it_is_a_warning() =>
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: CPU: 3 PID: 97 at rseq_ip_fixup+0x5e/0x1c0");

    [Test]
    public void A_WARN_as_6_19_and_later_print_it_is_a_warning()
    {
        // Without KALLSYMS %pS is a bare address; a tiny kernel built from source prints that.
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: kernel/sched/syscalls.c:1211 at 0xffffffff81277514, CPU#1: guest/515");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: kernel/rseq.c:416 at rseq_update_cpu_node_id+0x94/0x1d0, CPU#3: guest/212");
    }

    [Test]
    public void A_WARN_without_a_file_as_6_19_and_later_print_it_is_a_warning()
    {
        // The task name may itself hold a slash ("swapper/0", "kworker/0:1"): the pid is after the last.
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: at some_func+0x12/0x40, CPU#0: swapper/0/1");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: at 0xffffffff8110d3c2, CPU#2: kworker/2:1/38");
    }

    [Test]
    public void A_refcount_splat_on_5_10_is_found_by_its_WARN_header_that_follows_the_message()
    {
        // On x86 up to 6.18 WARN(cond, fmt) prints its message before the trap prints the header.
        var findings = ConsoleScanner.Scan([
            "[   30.000001] ------------[ cut here ]------------",
            "[   30.000002] refcount_t: addition on 0; use-after-free.",
            "[   30.000010] WARNING: CPU: 2 PID: 97 at lib/refcount.c:25 refcount_warn_saturate+0x9e/0x110",
            "[   30.000020] Modules linked in:",
            "[   30.000999] ---[ end trace 3b1c7e2a9d0f4e65 ]---",
        ]);

        Assert.That(findings, Is.EqualTo(new[]
        {
            new ConsoleFinding(ConsoleFindingKind.Warning, 3, "WARNING: CPU: 2 PID: 97 at lib/refcount.c:25 refcount_warn_saturate+0x9e/0x110")
            {
                Trace = ["Modules linked in:", "---[ end trace 3b1c7e2a9d0f4e65 ]---"],
            },
        }));
    }

    [Test]
    public void A_list_corruption_splat_on_7_2_is_found_by_its_WARN_header()
    {
        var findings = ConsoleScanner.Scan([
            "[   30.000001][  T212] ------------[ cut here ]------------",
            "[   30.000010][  T212] WARNING: lib/list_debug.c:32 at __list_add_valid_or_report+0x5d/0xa0, CPU#1: guest/212",
            "[   30.000011][  T212] list_add corruption. prev->next should be next (ffff888003c1a010), but was ffff888003c1a000. (prev=ffff888003c1a000).",
            "[   30.000999][  T212] ---[ end trace 0000000000000000 ]---",
        ]);

        Assert.That(findings.Select(f => (f.Kind, f.LineNumber)), Is.EqualTo(new[] { (ConsoleFindingKind.Warning, 2) }));
    }

    [Test]
    public void Every_lockdep_header_is_a_warning()
    {
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: possible recursive locking detected");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: possible circular locking dependency detected");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: possible irq lock inversion dependency detected");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: inconsistent lock state");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: bad unlock balance detected!");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: bad contention detected!");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: held lock freed!");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: lock held when returning to user space!");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: Nested lock was not taken");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: kworker/0:1/23 still has locks held!");
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: chain_key collision");
    }

    [Test]
    public void Suspicious_RCU_usage_is_a_warning() =>
        ScannerAssert.Found(ConsoleFindingKind.Warning, "WARNING: suspicious RCU usage");
}
