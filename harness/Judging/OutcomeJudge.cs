using Harness.Vm;
using Protocol;

namespace Harness.Judging;

/// <summary>
/// Turns what a VM run produced into one outcome per requested scenario. The rules, in order:
/// a FAIL the guest reported is kept (it carries evidence even if the stream broke off later, and
/// a scenario reported twice is a FAIL if either line says so); a kernel bug on the console is
/// placed in time by the guest's markers (<see cref="ConsoleTimeline"/>): while a scenario ran it
/// is that scenario's FAIL, before the guest started every scenario's ERROR, between scenarios the
/// row's <see cref="ConsoleColumn"/> FAIL, after the guest finished only a note; anything that kept
/// the guest from finishing, or a stream that lost, gained or garbled lines, is an ERROR, never a
/// PASS; otherwise the guest's own verdict stands.
/// </summary>
public static class OutcomeJudge
{
    /// <summary>
    /// The row's extra outcome for kernel bugs the console showed while the guest ran but no
    /// requested scenario did. Not a selftest, so it counts for the expectation like a scenario:
    /// a kernel bug while the guest runs fails the row today, and the windows must not weaken that.
    /// </summary>
    public const string ConsoleColumn = "console";

    /// <param name="console">What the console said about the guest (its exit status, its markers); null when it was not read.</param>
    public static IReadOnlyList<ScenarioOutcome> Judge(
        IReadOnlyList<string> requestedScenarios,
        VmRun run,
        GuestReport report,
        TimeSpan bootTimeout,
        TimeSpan testTimeout,
        Accel accel,
        GuestConsole? console = null,
        TimeSpan? silenceTimeout = null)
    {
        var brokenRunReason = BrokenRunReason(requestedScenarios, run, report, console, bootTimeout, testTimeout, accel, silenceTimeout);
        var timeline = console?.Timeline ?? ConsoleTimeline.None;
        var emulatorCrash = EmulatorFault.CodePatchingCrash(run.ConsoleFindings, timeline, report.Started, accel);
        var placed = Placed(run, timeline);
        // Findings every scenario answers for: those before the guest started, and, on a console
        // without markers (an older guest image), all of them, as before the markers existed.
        var shared = placed.Where(p => p.Place.Window is ConsoleWindow.Boot or ConsoleWindow.Unmarked).ToList();
        // Under TCG on a busy host a vCPU thread can starve long enough to trip the lockup
        // detectors, so a lockup alone says nothing certain about the kernel: it is an ERROR.
        var kernelBug = shared.FirstOrDefault(p => p.Finding.Kind != ConsoleFindingKind.Lockup);
        var lockup = shared.FirstOrDefault(p => p.Finding.Kind == ConsoleFindingKind.Lockup);
        var outcomes = new List<ScenarioOutcome>();

        foreach (var scenario in requestedScenarios)
        {
            var reports = report.Scenarios.Where(s => s.Name == scenario).ToList();
            // A scenario reported twice makes the stream untrustworthy (see StreamCheck), but a FAIL
            // among its lines is evidence the guest saw, and an earlier PASS must never hide it.
            var reported = reports.FirstOrDefault(s => s.Verdict == ScenarioVerdict.Fail) ?? reports.FirstOrDefault();
            var counters = reported?.Counters ?? new Dictionary<string, long>();
            var evidence = reported?.Evidence ?? [];
            var own = placed.Where(p => p.Place.Window == ConsoleWindow.Scenario && p.Place.Scenario == scenario).ToList();
            var ownBug = own.FirstOrDefault(p => p.Finding.Kind != ConsoleFindingKind.Lockup);
            var ownLockup = own.FirstOrDefault(p => p.Finding.Kind == ConsoleFindingKind.Lockup);

            ScenarioOutcome Outcome(ScenarioVerdict verdict, string? reason, OutcomeSource source = OutcomeSource.Harness) =>
                new(scenario, verdict, reason, counters, evidence, source);

            if (reported?.Verdict == ScenarioVerdict.Fail)
                outcomes.Add(Outcome(ScenarioVerdict.Fail, reported.Reason ?? FailureSummary(reported), OutcomeSource.Guest));
            // Nothing after QEMU's own fault is evidence about the kernel, not even a later oops.
            else if (emulatorCrash is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"int3 oops under TCG at {emulatorCrash.Rip}, QEMU racing the kernel's code patching, not a verdict: {emulatorCrash.Line}", OutcomeSource.Console));
            else if (ownBug is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Fail, $"kernel {Describe(ownBug.Finding)} on the console while {scenario} ran: {ownBug.Finding.Line}{PatchingHint(ownBug.Finding, accel)}", OutcomeSource.Console)
                    with { Evidence = [.. AsEvidence(ownBug.Finding), .. evidence] });
            else if (kernelBug is not null && kernelBug.Place.Window == ConsoleWindow.Unmarked && report.Started)
                outcomes.Add(Outcome(ScenarioVerdict.Fail, $"kernel {Describe(kernelBug.Finding)} on the console: {kernelBug.Finding.Line}{PatchingHint(kernelBug.Finding, accel)}", OutcomeSource.Console));
            else if (kernelBug is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"kernel {Describe(kernelBug.Finding)} before the guest started: {kernelBug.Finding.Line}", OutcomeSource.Console));
            else if (ownLockup is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"lockup on the console while {scenario} ran (under TCG this may be host contention): {ownLockup.Finding.Line}", OutcomeSource.Console));
            else if (lockup is not null)
                outcomes.Add(Outcome(ScenarioVerdict.Error, $"lockup on the console (under TCG this may be host contention): {lockup.Finding.Line}", OutcomeSource.Console));
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
    /// The row's <see cref="ConsoleColumn"/> outcome: a FAIL for a kernel bug while the guest ran
    /// outside every requested scenario (before the first, between two, after the last, or during a
    /// selftest, which is not counted and so must not be the only place such a bug shows), an ERROR
    /// for a lockup there; null when there was none, the console has no markers (the scenarios
    /// answer for everything then), or QEMU's code-patching fault already made every outcome an ERROR.
    /// </summary>
    public static ScenarioOutcome? ConsoleOutcome(IReadOnlyList<string> requestedScenarios, VmRun run, GuestReport report, Accel accel, GuestConsole? console)
    {
        var timeline = console?.Timeline ?? ConsoleTimeline.None;
        if (!timeline.HasMarkers || EmulatorFault.CodePatchingCrash(run.ConsoleFindings, timeline, report.Started, accel) is not null)
            return null;
        var outside = Placed(run, timeline)
            .Where(p => p.Place.Window == ConsoleWindow.BetweenScenarios
                        || (p.Place.Window == ConsoleWindow.Scenario && !requestedScenarios.Contains(p.Place.Scenario)))
            .ToList();
        if (outside.Count == 0)
            return null;
        var bug = outside.FirstOrDefault(p => p.Finding.Kind != ConsoleFindingKind.Lockup);
        var first = bug ?? outside[0];
        var others = outside.Where(p => p != first).Select(p => $"also, {Where(p.Place)}: {p.Finding.Line}");
        IReadOnlyList<string> evidence = [.. AsEvidence(first.Finding), .. others];
        var counters = new Dictionary<string, long>();
        return bug is not null
            ? new ScenarioOutcome(ConsoleColumn, ScenarioVerdict.Fail,
                $"kernel {Describe(bug.Finding)} on the console {Where(bug.Place)}: {bug.Finding.Line}{PatchingHint(bug.Finding, accel)}", counters, evidence, OutcomeSource.Console)
            : new ScenarioOutcome(ConsoleColumn, ScenarioVerdict.Error,
                $"lockup on the console {Where(first.Place)} (under TCG this may be host contention): {first.Finding.Line}", counters, evidence, OutcomeSource.Console);
    }

    /// <summary>
    /// The kernel's own selftests as the guest reported them (a second opinion, not judged against
    /// the scenarios' rules): one outcome each, in stream order; none when the image had none. A
    /// kernel bug on the console while one ran makes it a FAIL, so the column shows where it struck.
    /// </summary>
    public static IReadOnlyList<ScenarioOutcome> Selftests(GuestReport report, VmRun? run = null, GuestConsole? console = null)
    {
        var placed = run is null ? [] : Placed(run, console?.Timeline ?? ConsoleTimeline.None);
        return report.Scenarios
            .Where(s => ScenarioNames.IsSelftest(s.Name))
            .Select(s =>
            {
                var outcome = new ScenarioOutcome(s.Name, s.Verdict, s.Reason, s.Counters, s.Evidence);
                var bug = placed.FirstOrDefault(p => p.Place.Window == ConsoleWindow.Scenario && p.Place.Scenario == s.Name
                                                     && p.Finding.Kind != ConsoleFindingKind.Lockup);
                return bug is null || s.Verdict == ScenarioVerdict.Fail
                    ? outcome
                    : outcome with
                    {
                        Outcome = ScenarioVerdict.Fail,
                        Reason = $"kernel {Describe(bug.Finding)} on the console while {s.Name} ran: {bug.Finding.Line}",
                        Evidence = [.. AsEvidence(bug.Finding), .. s.Evidence],
                        Source = OutcomeSource.Console,
                    };
            })
            .ToList();
    }

    /// <summary>
    /// Where each console finding sits, for run.json. A finding after the guest finished has no
    /// outcome: it is named there and in the summary's notes, and it leaves <c>met</c> alone, because
    /// it cannot have touched any verdict (every scenario's result was on the result port already)
    /// and the row answers whether this kernel keeps the rseq contract, not whether it shuts down
    /// cleanly; counting it would let a WARNING in reboot's device teardown fail the nightly matrix.
    /// </summary>
    public static IReadOnlyList<FindingPlace> Places(VmRun run, GuestConsole? console) =>
        Placed(run, console?.Timeline ?? ConsoleTimeline.None).Select(p => p.Place).ToList();

    sealed record PlacedFinding(ConsoleFinding Finding, FindingPlace Place);

    static List<PlacedFinding> Placed(VmRun run, ConsoleTimeline timeline) =>
        run.ConsoleFindings.Select(f => new PlacedFinding(f, timeline.Place(f))).ToList();

    static IEnumerable<string> AsEvidence(ConsoleFinding finding) => [finding.Line, .. finding.Trace];

    static string Where(FindingPlace place) => place switch
    {
        { Window: ConsoleWindow.Scenario } => $"while {place.Scenario} ran",
        { Window: ConsoleWindow.BetweenScenarios, Scenario: null } => "after the guest started, before its first scenario",
        { Window: ConsoleWindow.BetweenScenarios } => $"between scenarios, after {place.Scenario}",
        { Window: ConsoleWindow.AfterGuest } => "after the guest finished",
        { Window: ConsoleWindow.Boot } => "before the guest started",
        _ => "",
    };

    // Once the guest's stream has begun an int3 is never forgiven, but the reader should know
    // that this one has the emulator fault's shape.
    static string PatchingHint(ConsoleFinding finding, Accel accel) =>
        accel == Accel.Tcg && finding.IsInt3Oops() && EmulatorFault.IsPatchedSite(finding.RipFunction())
            ? $" (int3 at {finding.Rip}, a live-patched site: under TCG possibly QEMU's code-patching race, judged as the kernel's since the guest was running)"
            : "";

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
        Accel accel, TimeSpan? silenceTimeout)
    {
        var guestExit = console?.GuestExitStatus;
        // A guest killed by a signal writes no final line: /init's account of it is the reason,
        // whatever the VM did afterwards (reboot, or hang until a timeout).
        if (guestExit is { } crashed && GuestExit.Signal(crashed) is not null)
            return $"{GuestExit.Describe(crashed)} {StreamCheck.Progress(report)}";
        return run.End switch
        {
            VmEnd.ConsoleSilent or VmEnd.KvmInternalError when accel == Accel.Kvm =>
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

    static string Describe(ConsoleFinding finding) => Describe(finding.Kind);

    /// <summary>The finding's kind as the notes name it ("oops", "WARNING").</summary>
    public static string Describe(ConsoleFindingKind kind) => kind switch
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

    static string FirstLine(string text) => Processes.OutputLines.First(text) ?? "no message";
}
