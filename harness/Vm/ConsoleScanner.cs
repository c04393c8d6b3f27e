using System.Text.RegularExpressions;

namespace Harness.Vm;

/// <summary>Finds the lines of a kernel console log that show a kernel bug.</summary>
/// <remarks>
/// Each marker is a header the kernel prints, spelled as its printk format spells it in 5.10 through
/// 7.3 (the ConsoleScanner*Tests files hold a full line per format and version), anchored at the
/// start of the message: a normal boot mentions the same words in passing ("ACPI BIOS Warning (bug)",
/// "Spectre V2 : WARNING: Unprivileged eBPF is enabled", "… and report a bug", a user program's
/// "traps: guest[97] trap int3 ip:…"), and none of those may turn a run into a FAIL.
/// </remarks>
public static partial class ConsoleScanner
{
    static readonly (ConsoleFindingKind Kind, Regex Marker)[] Markers =
    [
        (ConsoleFindingKind.Panic, PanicMarker()),
        // Before Bug: "watchdog: BUG: soft lockup" and "BUG: workqueue lockup" are lockups, not BUG()s.
        (ConsoleFindingKind.Lockup, LockupMarker()),
        (ConsoleFindingKind.Oops, OopsMarker()),
        (ConsoleFindingKind.Bug, BugMarker()),
        (ConsoleFindingKind.Warning, WarningMarker()),
    ];

    /// <summary>Messages after a header kept as its trace: the CPU, hardware and RIP lines and the first registers.</summary>
    public const int TraceLines = 8;

    /// <summary>How far below a header the RIP line may be (x86 prints it 2 to 5 lines below, after "Tainted:" or "Modules linked in:").</summary>
    const int RipSearchLines = 12;

    public static IReadOnlyList<ConsoleFinding> Scan(IEnumerable<string> lines)
    {
        var messages = lines.Select(Message).ToList();
        var headers = new List<(int Index, ConsoleFindingKind Kind)>();
        for (var index = 0; index < messages.Count; index++)
        {
            foreach (var (kind, marker) in Markers)
            {
                if (!marker.IsMatch(messages[index]))
                    continue;
                headers.Add((index, kind));
                break;
            }
        }

        var findings = new List<ConsoleFinding>();
        for (var h = 0; h < headers.Count; h++)
        {
            var (index, kind) = headers[h];
            // What follows a header belongs to it until the next header.
            var next = h + 1 < headers.Count ? headers[h + 1].Index : messages.Count;
            var following = messages.Skip(index + 1).Take(next - index - 1).ToList();
            findings.Add(new ConsoleFinding(kind, index + 1, messages[index])
            {
                Rip = following.Take(RipSearchLines).Select(m => RipLine().Match(m)).FirstOrDefault(m => m.Success)?.Groups["at"].Value,
                Trace = following.Where(m => m.Length > 0).Take(TraceLines).ToList(),
            });
        }
        return findings;
    }

    /// <summary>Scans a console log file; a missing file (QEMU never started) has no findings.</summary>
    public static IReadOnlyList<ConsoleFinding> ScanFile(string path) =>
        File.Exists(path) ? Scan(File.ReadLines(path)) : [];

    /// <summary>
    /// The message without the "[    1.234567]" timestamp and the "[  T123]" / "[    C1]" caller id
    /// that CONFIG_PRINTK_CALLER adds (the task, or the CPU when printed from interrupt context).
    /// </summary>
    public static string Message(string line) => Prefix().Replace(line.Replace("\0", ""), "", 1).Trim();

    [GeneratedRegex(@"^\s*(\[\s*\d+\.\d+\]\s*)?(\[\s*[TC]\d+\]\s*)?")]
    private static partial Regex Prefix();

    // arch/x86/kernel/process_64.c __show_regs via show_ip: "RIP: %04x:%pS" (the code segment,
    // then the symbol and offset, "sched_clock_cpu+0x11/0x1c0", or a bare address without KALLSYMS).
    [GeneratedRegex(@"^RIP: [0-9a-f]{4}:(?<at>\S+)")]
    private static partial Regex RipLine();

    // panic(): "Kernel panic - not syncing: %s". x86's double fault prints "PANIC: double fault,
    // error_code: 0x%lx" before it dies, and an exception before the console is up prints only
    // "PANIC: early exception 0x%02x IP %lx:%lx error %lx cr2 0x%lx" and halts.
    [GeneratedRegex(@"^(Kernel panic - not syncing|PANIC: (double fault|early exception)\b)")]
    private static partial Regex PanicMarker();

    // Soft lockup, kernel/watchdog.c: "watchdog: BUG: soft lockup - CPU#%d stuck for %us! [%s:%d]".
    // Hard lockup: "NMI watchdog: Watchdog detected hard LOCKUP on cpu %d" (5.10, watchdog_hld.c),
    // "watchdog: Watchdog detected hard LOCKUP on cpu %d" (6.x, also the buddy detector).
    // RCU, tree_stall.h, tree_exp.h and tasks.h: "rcu: INFO: %s detected stalls on CPUs/tasks:",
    // "… self-detected stall on CPU", "… detected expedited stalls on CPUs/tasks: {", "INFO:
    // rcu_tasks detected stalls on tasks:", "INFO: rcu_tasks_trace detected stalls? (Late IPI?)".
    // Hung task: "INFO: task %s:%d blocked for more than %ld seconds.". Workqueue watchdog: "BUG:
    // workqueue lockup - pool cpus=… stuck for %ds!". Under TCG a starved vCPU thread trips every
    // one of these, which is why they are a kind of their own.
    [GeneratedRegex(@"^((NMI )?watchdog: )?BUG: soft lockup - CPU#\d+ stuck for " +
                    @"|^((NMI )?watchdog: )?Watchdog detected hard LOCKUP on cpu \d+" +
                    @"|^(rcu: )?INFO: rcu_\w+ (self-detected stall on CPU|detected (expedited )?stalls)" +
                    @"|^INFO: task \S.* blocked for more than \d+ seconds" +
                    @"|^BUG: workqueue lockup - ")]
    private static partial Regex LockupMarker();

    // x86's die() header, arch/x86/kernel/dumpstack.c __die_header: "%s: %04lx [#%d]%s%s%s%s%s" up
    // to 6.9 and "Oops: %s: %04lx [#%d]…" from 6.10 on, %s being what died: "Oops" (a page fault,
    // so 6.10+ prints "Oops: Oops: 0000 [#1]"), "invalid opcode" (also after every BUG()),
    // "general protection fault[, probably for non-canonical address 0x…]", "int3", "divide error",
    // "stack segment", "double fault", "stack guard page", "kernel stack overflow (double-fault)"
    // and the other traps. The format, not a list of those names, is matched, so a trap not named
    // here is still found; a user program's fault ("traps: guest[97] general protection fault
    // ip:…") never has the ": 0000 [#1]" part.
    [GeneratedRegex(@"^Oops: |^[A-Za-z][^:\[\]]*: [0-9a-f]{4} \[#\d+\]")]
    private static partial Regex OopsMarker();

    // "BUG: %s" reports: kernel NULL pointer dereference, unable to handle page fault, scheduling
    // while atomic, sleeping function called from invalid context, using smp_processor_id() in
    // preemptible, Bad page state / Bad page map / Bad rss-counter state (mm/), KASAN:, KFENCE:,
    // KCSAN:, stack guard page was hit. lib/bug.c: "kernel BUG at %s:%u!" and, without
    // DEBUG_BUGVERBOSE, "Kernel BUG at %pB [verbose debug info unavailable]". SLUB's
    // slab_bug(): "BUG %s (%s): %pV" (cache name, taint) with no colon after BUG. lockdep:
    // "[ BUG: Invalid wait context ]". lib/ubsan.c: "UBSAN: %s in %s:%d:%d", and with UBSAN_TRAP
    // (6.x) "UBSAN: <check> at %pS".
    [GeneratedRegex(@"^BUG: \S" +
                    @"|^kernel BUG at \S+:\d+!" +
                    @"|^Kernel BUG at \S+ \[verbose debug info unavailable\]" +
                    @"|^BUG \S+ \((Not tainted|Tainted: [^)]*)\): \S" +
                    @"|^\[ BUG: .+ \]" +
                    @"|^UBSAN: \S.* (in|at) \S")]
    private static partial Regex BugMarker();

    // WARN(), kernel/panic.c __warn: "WARNING: CPU: %d PID: %d at %s:%d %pS" (or "… at %pS" without
    // a file) up to 6.18; from 6.19 on "WARNING: %s:%d at %pS, CPU#%d: %s/%d" and "WARNING: at %pS,
    // CPU#%d: %s/%d". %pS is "func+0x12/0x34" with KALLSYMS, a bare address without it. refcount_t,
    // list corruption (CHECK_DATA_CORRUPTION) and ODEBUG reports are WARN()s and come with one of
    // these. lockdep's own headers (kernel/locking/lockdep.c) and RCU's lockdep check are listed by
    // name, since other boot lines also start with "WARNING: " ("WARNING: workqueue cpumask: …").
    [GeneratedRegex(@"^WARNING: CPU: \d+ PID: \d+ at \S" +
                    @"|^WARNING: (\S.*:\d+ )?at \S+, CPU#\d+: \S.*/\d+" +
                    @"|^WARNING: possible (recursive locking|circular locking dependency|irq lock inversion dependency) detected" +
                    @"|^WARNING: (inconsistent lock state|\S+-safe -> \S+-unsafe lock order detected|chain_key collision)" +
                    @"|^WARNING: (bad unlock balance|bad contention) detected!" +
                    @"|^WARNING: (held lock freed!|lock held when returning to user space!|Nested lock was not taken)" +
                    @"|^WARNING: \S.*/\d+ still has locks held!" +
                    @"|^WARNING: suspicious RCU usage")]
    private static partial Regex WarningMarker();
}
