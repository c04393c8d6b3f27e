using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>BUG() and the "BUG: …" reports of mm/, the sanitizers, the scheduler and lockdep (5.10 to 7.3).</summary>
public class ConsoleScannerBugTests
{
    [Test]
    public void A_BUG_at_a_source_line_is_a_BUG() =>
        ScannerAssert.Found(ConsoleFindingKind.Bug, "kernel BUG at kernel/rseq.c:264!");

    [Test]
    public void A_BUG_without_verbose_debug_info_is_a_BUG()
    {
        // lib/bug.c without DEBUG_BUGVERBOSE; %pB is a bare address without KALLSYMS.
        ScannerAssert.Found(ConsoleFindingKind.Bug, "Kernel BUG at 0xffffffff8110d3c2 [verbose debug info unavailable]");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "Kernel BUG at rseq_ip_fixup+0x52/0x1c0 [verbose debug info unavailable]");
    }

    [Test]
    public void A_NULL_pointer_dereference_and_a_bad_page_fault_are_BUGs()
    {
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: kernel NULL pointer dereference, address: 0000000000000008");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: unable to handle page fault for address: ffffc90000a3f000");
    }

    [Test]
    public void Scheduler_and_preemption_reports_are_BUGs()
    {
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: scheduling while atomic: guest/97/0x00000002");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: using smp_processor_id() in preemptible [00000000] code: guest/97");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580");
    }

    [Test]
    public void Bad_page_state_map_and_rss_counter_reports_are_BUGs()
    {
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: Bad page state in process guest  pfn:1a2b3");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: Bad page map in process guest  pte:8000000012345067 pmd:0123a067");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: Bad rss-counter state mm:00000000a1b2c3d4 type:MM_ANONPAGES val:-1");
    }

    [Test]
    public void A_stack_guard_page_hit_is_a_BUG_in_the_5_10_and_the_6_x_spelling()
    {
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: stack guard page was hit at 000000009f0e4c4a (stack is 00000000d2c1b0a9..0000000035fb3e21)");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: TASK stack guard page was hit at ffffc90000413ff8 (stack is ffffc90000414000..ffffc90000418000)");
    }

    [Test]
    public void Sanitizer_reports_are_BUGs()
    {
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: KASAN: slab-use-after-free in rseq_ip_fixup+0x4b/0x1c0");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: KFENCE: out-of-bounds read in rseq_get_rseq_cs+0x6f/0x1c0");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG: KCSAN: data-race in rseq_update_cpu_node_id / rseq_ip_fixup");
    }

    [Test]
    public void A_UBSAN_report_is_a_BUG()
    {
        ScannerAssert.Found(ConsoleFindingKind.Bug, "UBSAN: shift-out-of-bounds in kernel/rseq.c:212:18");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "UBSAN: array-index-out-of-bounds in kernel/sched/core.c:3456:12");
    }

    [Test]
    public void A_SLUB_corruption_report_is_a_BUG_though_it_has_no_colon_after_BUG()
    {
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG kmalloc-64 (Not tainted): Poison overwritten");
        ScannerAssert.Found(ConsoleFindingKind.Bug, "BUG kmalloc-rnd-03-64 (Tainted: G    B              ): Redzone overwritten");
    }

    [Test]
    public void A_lockdep_invalid_wait_context_is_a_BUG() =>
        ScannerAssert.Found(ConsoleFindingKind.Bug, "[ BUG: Invalid wait context ]");
}
