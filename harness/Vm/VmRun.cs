namespace Harness.Vm;

/// <summary>What one VM run produced.</summary>
/// <param name="ResultLines">The lines the guest wrote on its result channel (ttyS1), in order.</param>
/// <param name="ConsoleFindings">Kernel-bug lines found in the console log (panic, oops, BUG, WARNING, lockup).</param>
/// <param name="QemuExitCode">QEMU's exit status, kept for the record; it proves nothing by itself.</param>
/// <param name="QemuErrors">What QEMU wrote on stderr (trimmed), for ERROR reasons.</param>
/// <param name="StopDetail">Why the runner stopped QEMU, in a line: the console's last line before a
/// silence, or QEMU's KVM error line; null when it was not stopped for either.</param>
/// <param name="SilenceLimit">The console silence limit the boot ran under, if any.</param>
/// <param name="BootTime">From QEMU's start to the stream's first line (zero when it never began).</param>
/// <param name="LastLineTime">From QEMU's start to the stream's last line; null when it never finished.</param>
/// <param name="GuestStartTime">From QEMU's start to /init's line on the result port that it starts the guest; null without it.</param>
public sealed record VmRun(
    VmEnd End,
    IReadOnlyList<string> ResultLines,
    IReadOnlyList<ConsoleFinding> ConsoleFindings,
    int? QemuExitCode,
    string QemuErrors,
    TimeSpan BootTime,
    TimeSpan Elapsed,
    string? StopDetail = null,
    TimeSpan? SilenceLimit = null,
    TimeSpan? LastLineTime = null,
    TimeSpan? GuestStartTime = null);
