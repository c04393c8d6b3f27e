using Harness.Vm;
using Protocol;

namespace Harness.Results;

/// <summary>
/// Turns what a VM run produced into one outcome per requested scenario. The rules, in order:
/// a FAIL the guest reported is kept (it carries evidence even if the stream broke off later, and
/// a scenario reported twice is a FAIL if either line says so); a kernel bug on the console while
/// the guest ran is a FAIL; anything that kept the guest from finishing, or a stream that lost,
/// gained or garbled lines, is an ERROR, never a PASS; otherwise the guest's own verdict stands.
/// </summary>
public static class OutcomeJudge
{
    /// <param name="console">What the console said about the guest (its exit status); null when it was not read.</param>
    public static IReadOnlyList<ScenarioOutcome> Judge(
        IReadOnlyList<string> requestedScenarios,
        VmRun run,
        GuestReport report,
        TimeSpan bootTimeout,
        TimeSpan testTimeout,
        string accel,
        GuestConsole? console = null,
        TimeSpan? silenceTimeout = null)
    {
        var brokenRunReason = BrokenRunReason(requestedScenarios, run, report, console, bootTimeout, testTimeout, accel, silenceTimeout);
        var emulatorCrash = run.ConsoleFindings.FirstOrDefault(f => IsEmulatorCodePatchingCrash(f, accel));
        // Under TCG on a busy host a vCPU thread can starve long enough to trip the lockup
        // detectors, so a lockup alone says nothing certain about the kernel: it is an ERROR.
        var kernelBug = run.ConsoleFindings.FirstOrDefault(f => f.Kind != ConsoleFindingKind.Lockup);
        var lockup = run.ConsoleFindings.FirstOrDefault(f => f.Kind == ConsoleFindingKind.Lockup);
        var outcomes = new List<ScenarioOutcome>();

        foreach (var scenario in requestedScenarios)
        {
            var reports = report.Scenarios.Where(s => s.Name == scenario).ToList();
            // A scenario reported twice makes the stream untrustworthy (see StreamCheck), but a FAIL
            // among its lines is evidence the guest saw, and an earlier PASS must never hide it.
            var reported = reports.FirstOrDefault(s => s.Verdict == ScenarioVerdict.Fail) ?? reports.FirstOrDefault();
            var counters = reported?.Counters ?? new Dictionary<string, long>();
            var evidence = reported?.Evidence ?? [];

            ScenarioOutcome Outcome(ScenarioVerdict verdict, string? reason, OutcomeSource source = OutcomeSource.Harness) =>
                new(scenario, verdict, reason, counters, evidence, source);

            if (reported?.Verdict == ScenarioVerdict.Fail)
                outcomes.Add(Outcome(ScenarioVerdict.Fail, reported.Reason ?? FailureSummary(reported), OutcomeSource.Guest));
            else if (emulatorCrash is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"int3 oops under TCG, QEMU racing the kernel's code patching, not a verdict: {emulatorCrash.Line}", OutcomeSource.Console));
            else if (kernelBug is not null && report.Started)
                outcomes.Add(Outcome(ScenarioVerdict.Fail, $"kernel {Describe(kernelBug.Kind)} on the console: {kernelBug.Line}", OutcomeSource.Console));
            else if (kernelBug is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"kernel {Describe(kernelBug.Kind)} before the guest started: {kernelBug.Line}", OutcomeSource.Console));
            else if (lockup is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"lockup on the console (under TCG this may be host contention): {lockup.Line}", OutcomeSource.Console));
            else if (brokenRunReason is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, brokenRunReason));
            else if (reported is null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, "the guest reported no result for this scenario"));
            else
                outcomes.Add(Outcome(reported.Verdict, reported.Reason, OutcomeSource.Guest));
        }

        return outcomes;
    }

    /// <summary>
    /// The kernel's own selftests as the guest reported them (a second opinion, not judged against
    /// the scenarios' rules): one outcome each, in stream order; none when the image had none.
    /// </summary>
    public static IReadOnlyList<ScenarioOutcome> Selftests(GuestReport report) =>
        report.Scenarios
            .Where(s => ScenarioNames.IsSelftest(s.Name))
            .Select(s => new ScenarioOutcome(s.Name, s.Verdict, s.Reason, s.Counters, s.Evidence))
            .ToList();

    /// <summary>
    /// An int3 oops under TCG is QEMU's multi-threaded translation racing the kernel's live code
    /// patching (text_poke plants an int3 while other vCPUs may run a stale translated block): an
    /// emulator fault, seen on Debian's 6.12, 7.2 and 7.3 here, and no evidence about the kernel.
    /// </summary>
    public static bool IsEmulatorCodePatchingCrash(ConsoleFinding finding, string accel) =>
        accel == AccelDecision.Tcg && finding.IsInt3Oops();

    /// <summary>Why the runner stopped a boot that stalled: the silence and the console's last line, or QEMU's KVM error.</summary>
    public static string StopReason(VmRun run, TimeSpan? silenceTimeout) => run.End switch
    {
        VmEnd.ConsoleSilent => $"console silent for {SilenceSeconds(run, silenceTimeout)} s after: {run.StopDetail ?? "(nothing printed)"}",
        VmEnd.KvmInternalError => $"QEMU reported: {run.StopDetail}",
        _ => run.End.ToString(),
    };

    // Under KVM the runner's stall limit may be shorter than the matrix's silence_timeout.
    static string SilenceSeconds(VmRun run, TimeSpan? silenceTimeout) =>
        run.SilenceLimit is { } limit ? $"{limit.TotalSeconds:0}" : $"{silenceTimeout?.TotalSeconds ?? 0:0}";

    /// <summary>
    /// QEMU ended with an error before the kernel printed a single line: it refused its arguments
    /// or the host (a bad option, no memory for the guest, KVM busy). Nothing the kernel did.
    /// </summary>
    public static bool QemuStoppedBeforeTheKernel(VmRun run, GuestConsole? console) =>
        run.End == VmEnd.EndedEarly && console is { KernelSpoke: false } && !string.IsNullOrWhiteSpace(run.QemuErrors);

    static string? BrokenRunReason(
        IReadOnlyList<string> requested, VmRun run, GuestReport report, GuestConsole? console, TimeSpan bootTimeout, TimeSpan testTimeout,
        string accel, TimeSpan? silenceTimeout)
    {
        var guestExit = console?.GuestExitStatus;
        // A guest killed by a signal writes no final line: /init's account of it is the reason,
        // whatever the VM did afterwards (reboot, or hang until a timeout).
        if (guestExit is { } crashed && GuestExit.Signal(crashed) is not null)
            return $"{GuestExit.Describe(crashed)} {StreamCheck.Progress(report)}";
        return run.End switch
        {
            VmEnd.ConsoleSilent or VmEnd.KvmInternalError when accel == AccelDecision.Kvm =>
                $"{StopReason(run, silenceTimeout)} (under KVM: this host's KVM could not boot this kernel; accel: auto falls back to TCG)",
            VmEnd.ConsoleSilent or VmEnd.KvmInternalError => StopReason(run, silenceTimeout),
            VmEnd.BootTimeout => $"boot timeout: no result stream within {bootTimeout.TotalSeconds:0} s",
            VmEnd.TestTimeout => $"test timeout: the guest did not finish within {testTimeout.TotalSeconds:0} s (its stream stopped {StreamCheck.Progress(report)})",
            VmEnd.QemuNotStarted => $"QEMU could not start: {FirstLine(run.QemuErrors)}",
            _ when guestExit is { } status && status != 0 => $"{GuestExit.Describe(status)} {StreamCheck.Progress(report)}",
            VmEnd.EndedEarly when !report.Started && QemuStoppedBeforeTheKernel(run, console) =>
                $"QEMU stopped before the kernel ran: {FirstLine(run.QemuErrors)}",
            VmEnd.EndedEarly when !report.Started => $"the VM ended before the guest started{WithDetail(run.QemuErrors)}",
            _ when StreamCheck.Problems(report, requested) is { } problems =>
                run.End == VmEnd.EndedEarly ? problems + WithDetail(run.QemuErrors) : problems,
            VmEnd.EndedEarly => $"the VM ended before the guest finished{WithDetail(run.QemuErrors)}",
            _ when !report.Started => "the guest's result stream never began",
            _ when report.GuestExitCode is not 0 => $"the guest exited with status {report.GuestExitCode}",
            _ => null,
        };
    }

    static string FailureSummary(ScenarioReport reported) =>
        reported.Evidence.Count > 0 ? reported.Evidence[0] : "the guest reported a failure";

    static string Describe(ConsoleFindingKind kind) => kind switch
    {
        ConsoleFindingKind.Panic => "panic",
        ConsoleFindingKind.Oops => "oops",
        ConsoleFindingKind.Bug => "BUG",
        ConsoleFindingKind.Warning => "WARNING",
        ConsoleFindingKind.Lockup => "lockup",
        _ => kind.ToString(),
    };

    static string WithDetail(string qemuErrors) =>
        string.IsNullOrWhiteSpace(qemuErrors) ? "" : $" (QEMU: {FirstLine(qemuErrors)})";

    static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}
