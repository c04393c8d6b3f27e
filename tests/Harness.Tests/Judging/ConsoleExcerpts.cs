using Harness.GuestImage;
using Protocol;

namespace Harness.Tests.Judging;

/// <summary>
/// Console text as a kernel prints it (timestamps, the x86 oops layout of 6.12), to build recorded
/// consoles for the window and int3 rules. The guest markers come from Protocol.ConsoleMarkers,
/// /init's from InitScript, as the real console carries them.
/// </summary>
static class ConsoleExcerpts
{
    public static readonly string[] Boot =
    [
        "Linux version 6.12.9-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.12.9-1",
        "Command line: console=ttyS0 panic=-1 tsc=unstable",
        "smp: Brought up 1 node, 4 CPUs",
        "Run /init as init process",
    ];

    public static string[] GuestStarts => [InitScript.GuestStartMarker];

    public static string[] GuestExits(int status = 0) => [InitScript.GuestExitMarker + status];

    public static string[] Scenario(string name, params string[] during) =>
        [ConsoleMarkers.Begin(name), .. during, ConsoleMarkers.End(name)];

    public static string[] Done => [ConsoleMarkers.Done(0)];

    public static readonly string[] Reboot = ["reboot: Restarting system"];

    /// <summary>QEMU's code-patching fault as seen on Debian's 6.12 under TCG: an int3 in sched_clock_cpu on an idle CPU.</summary>
    public static readonly string[] Int3InSchedClock =
    [
        "Oops: int3: 0000 [#1] PREEMPT SMP NOPTI",
        "CPU: 2 UID: 0 PID: 0 Comm: swapper/2 Not tainted 6.12.9-amd64 #1  Debian 6.12.9-1",
        "Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.3-debian-1.16.3-2 04/01/2014",
        "RIP: 0010:sched_clock_cpu+0x11/0x1c0",
        "Code: 90 90 90 90 90 90 90 90 90 90 90 90 f3 0f 1e fa 0f 1f 44 00 00 cc 1f 44 00 00 55 48 89 e5",
        "RSP: 0018:ffffb5c2c00e3e80 EFLAGS: 00000046",
        "Call Trace:",
        " <TASK>",
        " irqtime_account_irq+0x3c/0xb0",
        " </TASK>",
        "Kernel panic - not syncing: Attempted to kill the idle task!",
    ];

    /// <summary>An int3 oops at an ordinary function: no site the kernel patches, so a kernel bug (a stray breakpoint).</summary>
    public static readonly string[] Int3InCopyProcess =
    [
        "Oops: int3: 0000 [#1] PREEMPT SMP NOPTI",
        "CPU: 1 UID: 0 PID: 97 Comm: guest Not tainted 6.12.9-amd64 #1  Debian 6.12.9-1",
        "Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.3-debian-1.16.3-2 04/01/2014",
        "RIP: 0010:copy_process+0x5d3/0x1c80",
        "Code: 48 8b 45 c8 48 89 83 e8 05 00 00 cc 8b 45 b0",
        "RSP: 0018:ffffb5c2c0573d18 EFLAGS: 00000246",
        "Kernel panic - not syncing: Fatal exception",
    ];

    /// <summary>A WARN() splat of 6.12 (refcount), with its RIP and registers.</summary>
    public static readonly string[] RefcountWarning =
    [
        "------------[ cut here ]------------",
        "refcount_t: addition on 0; use-after-free.",
        "WARNING: CPU: 3 PID: 112 at lib/refcount.c:25 refcount_warn_saturate+0x9e/0x110",
        "Modules linked in:",
        "CPU: 3 UID: 0 PID: 112 Comm: guest Not tainted 6.12.9-amd64 #1  Debian 6.12.9-1",
        "RIP: 0010:refcount_warn_saturate+0x9e/0x110",
        "RSP: 0018:ffffb5c2c0573e08 EFLAGS: 00010286",
        "---[ end trace 0000000000000000 ]---",
    ];

    /// <summary>The parts in order, each line with a timestamp as the console shows it.</summary>
    public static string[] Console(params string[][] parts) =>
        parts.SelectMany(part => part).Select((line, index) => $"[{1 + index * 0.01,12:0.000000}] {line}").ToArray();
}
