using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>panic() and the lockup detectors; every format here is the same from 5.10 to 7.3 unless a test says otherwise.</summary>
public class ConsoleScannerPanicAndLockupTests
{
    [Test]
    public void A_panic_is_a_panic() =>
        ScannerAssert.Found(ConsoleFindingKind.Panic, "Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b");

    [Test]
    public void The_double_fault_and_early_exception_panics_of_x86_are_panics()
    {
        ScannerAssert.Found(ConsoleFindingKind.Panic, "PANIC: double fault, error_code: 0x0");
        ScannerAssert.Found(ConsoleFindingKind.Panic, "PANIC: early exception 0x0e IP 10:ffffffff81a3b2c5 error 0 cr2 0xffffffffff240000");
    }

    [Test]
    public void A_soft_lockup_is_a_lockup() =>
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [guest:97]");

    [Test]
    public void A_hard_lockup_is_a_lockup_from_the_perf_detector_of_5_10_and_the_watchdog_of_6_x()
    {
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "NMI watchdog: Watchdog detected hard LOCKUP on cpu 1");
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "watchdog: Watchdog detected hard LOCKUP on cpu 3");
    }

    [Test]
    public void An_RCU_stall_is_a_lockup_in_each_of_its_forms()
    {
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:");
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "rcu: INFO: rcu_sched self-detected stall on CPU");
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "rcu: INFO: rcu_preempt detected expedited stalls on CPUs/tasks: { 1-... } 21 jiffies s: 89 root: 0x2/.");
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "INFO: rcu_tasks detected stalls on tasks:");
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "INFO: rcu_tasks_trace detected stalls? (Late IPI?)");
    }

    [Test]
    public void A_hung_task_is_a_lockup() =>
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "INFO: task kworker/u8:2:61 blocked for more than 120 seconds.");

    [Test]
    public void A_workqueue_stall_is_a_lockup_not_a_BUG() =>
        ScannerAssert.Found(ConsoleFindingKind.Lockup, "BUG: workqueue lockup - pool cpus=0 node=0 flags=0x0 nice=0 stuck for 34s!");
}
