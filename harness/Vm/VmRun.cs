namespace Harness.Vm;

/// <summary>What one VM run produced.</summary>
/// <param name="ResultLines">The lines the guest wrote on its result channel (ttyS1), in order.</param>
/// <param name="ConsoleFindings">Kernel-bug lines found in the console log (panic, oops, BUG, WARNING, lockup).</param>
/// <param name="QemuExitCode">QEMU's exit status, kept for the record; it proves nothing by itself.</param>
/// <param name="QemuErrors">What QEMU wrote on stderr (trimmed), for ERROR reasons.</param>
public sealed record VmRun(
    VmEnd End,
    IReadOnlyList<string> ResultLines,
    IReadOnlyList<ConsoleFinding> ConsoleFindings,
    int? QemuExitCode,
    string QemuErrors,
    TimeSpan BootTime,
    TimeSpan Elapsed);
