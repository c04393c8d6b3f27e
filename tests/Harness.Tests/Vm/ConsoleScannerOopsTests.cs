using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>
/// x86's die() header, arch/x86/kernel/dumpstack.c: "%s: %04lx [#%d]" plus the flags (PREEMPT up
/// to 6.14, SMP, DEBUG_PAGEALLOC, KASAN, PTI/NOPTI) on 5.10 and 6.1; "Oops: %s: %04lx [#%d]" from
/// 6.10 on (6.12, 7.2, 7.3), where a page fault's "Oops" becomes "Oops: Oops".
/// </summary>
public class ConsoleScannerOopsTests
{
    [Test]
    public void A_page_fault_oops_is_an_oops_on_every_version()
    {
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: 0002 [#1] SMP NOPTI"); // 5.10
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: 0000 [#1] PREEMPT SMP NOPTI"); // 6.1
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: Oops: 0000 [#1] PREEMPT SMP NOPTI"); // 6.12
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: Oops: 0002 [#1] SMP NOPTI"); // 7.2, 7.3
    }

    [Test]
    public void An_invalid_opcode_without_the_Oops_prefix_is_an_oops_on_5_10_and_6_1()
    {
        ScannerAssert.Found(ConsoleFindingKind.Oops, "invalid opcode: 0000 [#1] SMP NOPTI");
        ScannerAssert.Found(ConsoleFindingKind.Oops, "invalid opcode: 0000 [#1] PREEMPT SMP NOPTI");
    }

    [Test]
    public void An_invalid_opcode_with_the_Oops_prefix_is_an_oops_from_6_10_on()
    {
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: invalid opcode: 0000 [#1] PREEMPT SMP NOPTI"); // 6.12
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: invalid opcode: 0000 [#1] SMP NOPTI"); // 7.x
    }

    [Test]
    public void A_general_protection_fault_without_the_Oops_prefix_is_an_oops_on_5_10_and_6_1()
    {
        ScannerAssert.Found(ConsoleFindingKind.Oops, "general protection fault: 0000 [#1] SMP");
        ScannerAssert.Found(ConsoleFindingKind.Oops, "general protection fault, probably for non-canonical address 0xdead000000000122: 0000 [#1] SMP NOPTI");
        ScannerAssert.Found(ConsoleFindingKind.Oops, "general protection fault, maybe for address 0xffff888003c1a000: 0000 [#1] PREEMPT SMP NOPTI");
    }

    [Test]
    public void A_general_protection_fault_with_the_Oops_prefix_is_an_oops_from_6_10_on()
    {
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: general protection fault, probably for non-canonical address 0xdffffc0000000003: 0000 [#1] PREEMPT SMP KASAN NOPTI");
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: general protection fault: 0000 [#1] SMP NOPTI");
    }

    [Test]
    public void An_int3_oops_is_an_oops_in_both_spellings()
    {
        ScannerAssert.Found(ConsoleFindingKind.Oops, "int3: 0000 [#1] SMP PTI"); // 5.10
        ScannerAssert.Found(ConsoleFindingKind.Oops, "int3: 0000 [#1] PREEMPT SMP NOPTI"); // 6.1
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: int3: 0000 [#1] PREEMPT SMP NOPTI"); // 6.12
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: int3: 0000 [#1] SMP NOPTI"); // 7.2, 7.3
    }

    [Test]
    public void A_divide_error_is_an_oops_in_both_spellings()
    {
        ScannerAssert.Found(ConsoleFindingKind.Oops, "divide error: 0000 [#1] SMP");
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: divide error: 0000 [#1] SMP NOPTI");
    }

    [Test]
    public void A_stack_segment_fault_is_an_oops_in_both_spellings()
    {
        // Without SMP the header has no flags at all after "[#1]".
        ScannerAssert.Found(ConsoleFindingKind.Oops, "stack segment: 0000 [#1]");
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: stack segment: 0000 [#1] SMP NOPTI");
    }

    [Test]
    public void A_double_fault_or_kernel_stack_overflow_is_an_oops_in_each_spelling()
    {
        ScannerAssert.Found(ConsoleFindingKind.Oops, "double fault: 0000 [#1] SMP NOPTI");
        ScannerAssert.Found(ConsoleFindingKind.Oops, "kernel stack overflow (double-fault): 0000 [#1] SMP NOPTI"); // 5.10
        ScannerAssert.Found(ConsoleFindingKind.Oops, "stack guard page: 0000 [#1] PREEMPT SMP NOPTI"); // 6.1
        ScannerAssert.Found(ConsoleFindingKind.Oops, "Oops: stack guard page: 0000 [#1] SMP NOPTI"); // 7.x
    }

    [Test]
    public void A_trap_this_file_does_not_name_is_still_an_oops_by_the_header_format() =>
        ScannerAssert.Found(ConsoleFindingKind.Oops, "alignment check: 0000 [#1] SMP");

    [Test]
    public void A_BUG_splat_on_5_10_gives_the_BUG_line_then_the_invalid_opcode_oops()
    {
        var kinds = ConsoleScanner.Scan([
            "[   20.101010] ------------[ cut here ]------------",
            "[   20.101020] kernel BUG at kernel/rseq.c:264!",
            "[   20.101500] invalid opcode: 0000 [#1] SMP NOPTI",
            "[   20.101600] CPU: 1 PID: 97 Comm: guest Not tainted 5.10.223 #1",
            "[   20.101700] RIP: 0010:rseq_ip_fixup+0x52/0x1c0",
            "[   20.102999] ---[ end trace 5c9b8e0f1d2a3b4c ]---",
        ]).Select(f => f.Kind);

        Assert.That(kinds, Is.EqualTo(new[] { ConsoleFindingKind.Bug, ConsoleFindingKind.Oops }));
    }

    [Test]
    public void A_BUG_splat_on_7_2_with_caller_ids_gives_the_BUG_line_then_the_invalid_opcode_oops()
    {
        var kinds = ConsoleScanner.Scan([
            "[   20.101010][  T212] ------------[ cut here ]------------",
            "[   20.101020][  T212] kernel BUG at kernel/rseq.c:451!",
            "[   20.101500][  T212] Oops: invalid opcode: 0000 [#1] SMP NOPTI",
            "[   20.101600][  T212] CPU: 1 UID: 0 PID: 212 Comm: guest Not tainted 7.2.13 #1 PREEMPT(lazy)",
            "[   20.101700][  T212] RIP: 0010:rseq_update_usr+0x52/0x1c0",
            "[   20.102999][  T212] ---[ end trace 0000000000000000 ]---",
        ]).Select(f => f.Kind);

        Assert.That(kinds, Is.EqualTo(new[] { ConsoleFindingKind.Bug, ConsoleFindingKind.Oops }));
    }
}
