using Harness.Vm;
using Protocol;

namespace Harness.Results;

/// <summary>
/// Turns what a VM run produced into one outcome per requested scenario. The rules, in order:
/// a FAIL the guest reported is kept (it carries evidence even if the stream broke off later); a
/// kernel bug on the console while the guest ran is a FAIL; anything that kept the guest from
/// finishing is an ERROR, never a PASS; otherwise the guest's own verdict stands.
/// </summary>
public static class OutcomeJudge
{
    public static IReadOnlyList<ScenarioOutcome> Judge(
        IReadOnlyList<string> requestedScenarios,
        VmRun run,
        GuestReport report,
        TimeSpan bootTimeout,
        TimeSpan testTimeout,
        string accel,
        TimeSpan? silenceTimeout = null)
    {
        var brokenRunReason = BrokenRunReason(run, report, bootTimeout, testTimeout, accel, silenceTimeout);
        var emulatorCrash = run.ConsoleFindings.FirstOrDefault(f => IsEmulatorCodePatchingCrash(f, accel));
        // Under TCG on a busy host a vCPU thread can starve long enough to trip the lockup
        // detectors, so a lockup alone says nothing certain about the kernel: it is an ERROR.
        var kernelBug = run.ConsoleFindings.FirstOrDefault(f => f.Kind != ConsoleFindingKind.Lockup);
        var lockup = run.ConsoleFindings.FirstOrDefault(f => f.Kind == ConsoleFindingKind.Lockup);
        var outcomes = new List<ScenarioOutcome>();

        foreach (var scenario in requestedScenarios)
        {
            var reported = report.Scenarios.FirstOrDefault(s => s.Name == scenario);
            var counters = reported?.Counters ?? new Dictionary<string, long>();
            var evidence = reported?.Evidence ?? [];

            ScenarioOutcome Outcome(ScenarioVerdict verdict, string? reason) =>
                new(scenario, verdict, reason, counters, evidence);

            if (reported?.Verdict == ScenarioVerdict.Fail)
                outcomes.Add(Outcome(ScenarioVerdict.Fail, reported.Reason ?? FailureSummary(reported)));
            else if (emulatorCrash is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"int3 oops under TCG, QEMU racing the kernel's code patching, not a verdict: {emulatorCrash.Line}"));
            else if (kernelBug is not null && report.Started)
                outcomes.Add(Outcome(ScenarioVerdict.Fail, $"kernel {Describe(kernelBug.Kind)} on the console: {kernelBug.Line}"));
            else if (kernelBug is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"kernel {Describe(kernelBug.Kind)} before the guest started: {kernelBug.Line}"));
            else if (lockup is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"lockup on the console (under TCG this may be host contention): {lockup.Line}"));
            else if (brokenRunReason is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, brokenRunReason));
            else if (reported is null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, "the guest reported no result for this scenario"));
            else
                outcomes.Add(Outcome(reported.Verdict, reported.Reason));
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
        accel == AccelDecision.Tcg && finding.Kind == ConsoleFindingKind.Oops && finding.Line.Contains("Oops: int3", StringComparison.Ordinal);

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

    static string? BrokenRunReason(VmRun run, GuestReport report, TimeSpan bootTimeout, TimeSpan testTimeout, string accel, TimeSpan? silenceTimeout) => run.End switch
    {
        VmEnd.ConsoleSilent or VmEnd.KvmInternalError when accel == AccelDecision.Kvm =>
            $"{StopReason(run, silenceTimeout)} (under KVM: this host's KVM could not boot this kernel; accel: auto falls back to TCG)",
        VmEnd.ConsoleSilent or VmEnd.KvmInternalError => StopReason(run, silenceTimeout),
        VmEnd.BootTimeout => $"boot timeout: no result stream within {bootTimeout.TotalSeconds:0} s",
        VmEnd.TestTimeout => $"test timeout: the guest did not finish within {testTimeout.TotalSeconds:0} s",
        VmEnd.QemuNotStarted => $"QEMU could not start: {FirstLine(run.QemuErrors)}",
        VmEnd.EndedEarly => report.Started
            ? $"the VM ended before the guest finished{WithDetail(run.QemuErrors)}"
            : $"the VM ended before the guest started{WithDetail(run.QemuErrors)}",
        _ when !report.IsComplete => "the guest's result stream is incomplete",
        _ when report.GuestExitCode is not 0 => $"the guest exited with status {report.GuestExitCode}",
        _ => null,
    };

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
