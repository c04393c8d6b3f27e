using System.Text.RegularExpressions;

namespace Harness.Vm;

/// <summary>Finds the lines of a kernel console log that show a kernel bug.</summary>
/// <remarks>
/// Markers are anchored at the start of the message (after the timestamp) and spelled as the
/// kernel prints them, because a normal boot mentions the same words in passing: "ACPI BIOS
/// Warning", "Spectre V2 : WARNING: Unprivileged eBPF is enabled", "… and report a bug",
/// "This is not a bug", and a user program's "traps: … general protection fault ip:…".
/// </remarks>
public static partial class ConsoleScanner
{
    static readonly (ConsoleFindingKind Kind, Regex Marker)[] Markers =
    [
        (ConsoleFindingKind.Panic, PanicMarker()),
        // Before Bug: "watchdog: BUG: soft lockup" is a lockup, not a BUG().
        (ConsoleFindingKind.Lockup, LockupMarker()),
        (ConsoleFindingKind.Oops, OopsMarker()),
        (ConsoleFindingKind.Bug, BugMarker()),
        (ConsoleFindingKind.Warning, WarningMarker()),
    ];

    public static IReadOnlyList<ConsoleFinding> Scan(IEnumerable<string> lines)
    {
        var findings = new List<ConsoleFinding>();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            var message = Message(line);
            foreach (var (kind, marker) in Markers)
            {
                if (!marker.IsMatch(message))
                    continue;
                findings.Add(new ConsoleFinding(kind, lineNumber, message));
                break;
            }
        }
        return findings;
    }

    /// <summary>Scans a console log file; a missing file (QEMU never started) has no findings.</summary>
    public static IReadOnlyList<ConsoleFinding> ScanFile(string path) =>
        File.Exists(path) ? Scan(File.ReadLines(path)) : [];

    /// <summary>The message without the "[    1.234567]" timestamp (and "[  T123]" caller id).</summary>
    public static string Message(string line) => Prefix().Replace(line.Replace("\0", ""), "", 1).Trim();

    [GeneratedRegex(@"^\s*(\[\s*\d+\.\d+\]\s*)?(\[\s*[TC]\d+\]\s*)?")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^Kernel panic - not syncing")]
    private static partial Regex PanicMarker();

    // softlockup: "watchdog: BUG: soft lockup - CPU#1 stuck for 22s!"; hardlockup: "Watchdog
    // detected hard LOCKUP on cpu 1"; RCU: "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:"
    // and "rcu: INFO: rcu_sched self-detected stall on CPU"; hung task: "INFO: task x:12 blocked for more than 120 seconds."
    [GeneratedRegex(@"BUG: soft lockup|hard LOCKUP|\brcu_\w+ (self-)?detected stalls?\b|^INFO: task \S.* blocked for more than \d+ seconds")]
    private static partial Regex LockupMarker();

    // "Oops: 0002 [#1] PREEMPT SMP NOPTI"; newer kernels "Oops: general protection fault, …";
    // older ones start with "general protection fault: 0000 [#1] SMP" or "…, probably for non-canonical address".
    [GeneratedRegex(@"^(Oops: |general protection fault\b)")]
    private static partial Regex OopsMarker();

    // "BUG: kernel NULL pointer dereference, address: …", "BUG: unable to handle page fault …",
    // "BUG: scheduling while atomic: …", "kernel BUG at mm/slub.c:123!".
    [GeneratedRegex(@"^(BUG: |kernel BUG at )")]
    private static partial Regex BugMarker();

    // WARN_ON: "WARNING: CPU: 1 PID: 42 at kernel/sched/core.c:123 func+0x12/0x34"; lockdep and RCU
    // debug splats: "WARNING: possible circular locking dependency detected", "WARNING: suspicious RCU usage".
    [GeneratedRegex(@"^WARNING: (CPU: \d+ PID: \d+|possible .*(locking|dependency)|inconsistent lock state|suspicious RCU usage|bad unlock balance)")]
    private static partial Regex WarningMarker();
}
