using Harness.Config;
using Harness.Kernels;
using Harness.Judging;
using Harness.Records;
using Harness.Running.Progress;
using Harness.Vm;

namespace Harness.Running;

/// <summary>One kernel of the matrix: get its image, boot it with the guest, judge what came out.</summary>
public sealed class KernelRun(IKernelSupplier kernels, IVmRunner vms, TimeProvider clock)
{
    /// <param name="repeat">Which repetition of this kernel this is (1-based); files of later ones carry its number.</param>
    /// <param name="progress">Told where the kernel stands (fetching, booting, running) as it changes; null: nobody watches.</param>
    public async Task<KernelResult> RunAsync(KernelEntry entry, int repeat, RunContext context, CancellationToken cancellationToken,
        Action<KernelPhase, string?>? progress = null)
    {
        progress ??= (_, _) => { };
        var fileStem = repeat == 1 ? entry.Name : $"{entry.Name}.{repeat}";
        var scenarios = GuestArguments.ScenariosOf(entry.Machine.Guest);
        var acquireStart = clock.GetTimestamp();
        KernelImage image;
        string initramfs;
        try
        {
            progress(KernelPhase.Fetching, entry.Source.Describe());
            image = await kernels.GetAsync(entry.Source, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return NotAcquired(entry, repeat, scenarios, exception, context, clock.GetElapsedTime(acquireStart));
        }
        // The guest image is built while the first kernels are fetched (see MatrixRunner). Awaited
        // outside the kernel's own faults: a guest that cannot be built stops the run, as before.
        // The wait is not the kernel's: its acquisition time stays the fetch and the selftests' image.
        var guestWaitStart = clock.GetTimestamp();
        var guest = await context.Guest.WaitAsync(cancellationToken);
        var guestWait = clock.GetElapsedTime(guestWaitStart);
        try
        {
            // A kernel built with its selftests boots the guest image plus them, in /selftests; on
            // its first repetition only: they take minutes under TCG, and they are a second
            // opinion, while the repetitions are there to show a flaky verdict of the scenarios.
            initramfs = image.SelftestsDirectory is null || repeat > 1
                ? guest.InitramfsPath
                : await GuestImage.GuestImageExtras.WithFolderAsync(
                    guest.InitramfsPath, GuestImage.InitScript.SelftestsFolder, image.SelftestsDirectory, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return NotAcquired(entry, repeat, scenarios, exception, context, clock.GetElapsedTime(acquireStart) - guestWait);
        }
        var acquired = clock.GetElapsedTime(acquireStart) - guestWait;

        var console = context.Folder.KernelFile(fileStem, "console.log");
        var results = context.Folder.KernelFile(fileStem, "ktap.log");
        var probeConsole = context.Folder.KernelFile(fileStem, "kvm-probe.console.log");
        var accel = await context.Accel.DecideAsync(
            new ProbeBoot(image.BootPath, initramfs, $"{entry.Name} ({image.Identity})", probeConsole.Absolute), cancellationToken);
        VmRequest Request(AccelDecision decision) => new(
            image.BootPath,
            initramfs,
            entry.Machine.Cpus,
            entry.Machine.MemoryMiB,
            decision.Accel,
            GuestArguments.For(entry.Machine.Guest, entry.Machine.Guest.Seed ?? context.Seed, scenarios),
            entry.Machine.BootTimeout,
            entry.Machine.TestTimeout,
            console.Absolute,
            results.Absolute,
            entry.Machine.NumaNodes,
            SilenceLimit(entry, decision.Accel),
            entry.Machine.KernelArgs,
            new ScenarioProgress(progress).Add);

        var attempts = 1;
        var earlierConsoles = new List<string>();
        progress(KernelPhase.Booting, null);
        var run = await vms.RunAsync(Request(accel), cancellationToken);
        var report = GuestReportReader.Read(run.ResultLines);
        if (KvmStalled(run, report) && context.Accel.MayFallBack)
        {
            // The probe's kernel reached user space under KVM, yet this one stalled or failed under it:
            // the host's KVM cannot run every kernel. Booting it again under TCG, and every kernel after
            // it, costs seconds; an ERROR would cost the verdict. The stalled boot's console is kept.
            var stalled = context.Folder.KernelFile(fileStem, "kvm-stalled.console.log");
            if (KeepConsole(console.Absolute, stalled.Absolute))
                earlierConsoles.Add(stalled.Relative);
            accel = context.Accel.FallBackToTcg(entry.Name, OutcomeJudge.StopReason(run, entry.Machine.SilenceTimeout));
            progress(KernelPhase.Booting, $"again ({accel.Accel})");
            run = await vms.RunAsync(Request(accel), cancellationToken);
            report = GuestReportReader.Read(run.ResultLines);
        }
        var guestConsole = GuestConsole.ReadFile(console.Absolute);
        while (attempts < MaxBootAttempts && ShouldBootAgain(run, report, guestConsole, accel.Accel))
        {
            // Multi-threaded TCG now and then crashes a kernel while it patches its own code at boot
            // (an int3 oops in sched_clock_cpu, seen on Debian's 7.2 and 7.3 in about one boot in
            // twenty here), long before the guest runs; booting again tells that apart from a kernel
            // that never boots. Each failed attempt's console is kept and named in run.json.
            var kept = context.Folder.KernelFile(fileStem, $"attempt-{attempts}.console.log");
            if (KeepConsole(console.Absolute, kept.Absolute))
                earlierConsoles.Add(kept.Relative);
            attempts++;
            progress(KernelPhase.Booting, $"again ({accel.Accel})");
            run = await vms.RunAsync(Request(accel), cancellationToken);
            report = GuestReportReader.Read(run.ResultLines);
            guestConsole = GuestConsole.ReadFile(console.Absolute);
        }

        IReadOnlyList<ScenarioOutcome> outcomes =
        [
            .. OutcomeJudge.Judge(scenarios, run, report, entry.Machine.BootTimeout, entry.Machine.TestTimeout, accel.Accel, guestConsole, entry.Machine.SilenceTimeout),
            .. OutcomeJudge.Selftests(report, run, guestConsole),
            .. OutcomeJudge.ConsoleOutcome(scenarios, run, report, accel.Accel, guestConsole) is { } consoleOutcome ? [consoleOutcome] : Array.Empty<ScenarioOutcome>(),
        ];
        var started = run.End is not (VmEnd.BootTimeout or VmEnd.QemuNotStarted) || report.Started;
        var release = report.InfoValue(Protocol.InfoKeys.KernelRelease);
        var misses = ExpectationCheck.Misses(entry.Expect, release, outcomes);
        return new KernelResult(
            entry.Name,
            repeat,
            entry.Source.Describe(),
            image.Identity,
            entry.Expect,
            release,
            outcomes,
            MetExpectation: misses.Count == 0,
            Error: null,
            new KernelTimings(acquired.TotalSeconds, image.FromCache, started ? run.BootTime.TotalSeconds : null, run.Elapsed.TotalSeconds, image.Build,
                BootPhases.From(ReadLines(console.Absolute), run.GuestStartTime, report.Started ? run.BootTime : null, run.LastLineTime, run.Elapsed)),
            run.End,
            run.QemuExitCode,
            run.ConsoleFindings,
            console.Relative,
            results.Relative,
            report.Info,
            attempts,
            misses)
        {
            Provenance = image.Provenance,
            EarlierBootConsoles = earlierConsoles,
            // A finding after the guest finished is here and in the notes, never an outcome (see OutcomeJudge.Places).
            ConsoleWindows = OutcomeJudge.Places(run, guestConsole),
        };
    }

    /// <summary>
    /// Under KVM a healthy kernel prints continuously while it boots (a Debian kernel reaches user
    /// space in 1-2 s), so a console silent this long means the stall seen on hosts whose KVM runs
    /// the firmware but not Linux; under TCG the matrix's silence_timeout alone applies.
    /// </summary>
    public static readonly TimeSpan KvmStallLimit = TimeSpan.FromSeconds(10);

    static TimeSpan? SilenceLimit(KernelEntry entry, Accel accel) =>
        accel == Accel.Kvm && (entry.Machine.SilenceTimeout is null || entry.Machine.SilenceTimeout > KvmStallLimit)
            ? KvmStallLimit
            : entry.Machine.SilenceTimeout;

    /// <summary>A KVM boot that stalled or that QEMU's KVM refused, before the guest began.</summary>
    static bool KvmStalled(VmRun run, GuestReport report) =>
        run.End is VmEnd.ConsoleSilent or VmEnd.KvmInternalError && !report.Started;

    /// <summary>Moves a boot's console aside before the next boot overwrites it; false when there was none.</summary>
    static bool KeepConsole(string console, string keptAs)
    {
        if (!File.Exists(console))
            return false;
        File.Move(console, keptAs, overwrite: true);
        return true;
    }

    /// <summary>Boots of one kernel when each crashes before the guest starts; three in a row is not chance.</summary>
    public const int MaxBootAttempts = 3;

    /// <summary>
    /// Whether a boot is worth another: never once the guest's stream began or the guest program
    /// ran (whatever happened then is evidence, or happens again); before that, for QEMU's
    /// code-patching fault (<see cref="EmulatorFault"/>), and for a kernel that ended before the
    /// guest without any finding on its console (a reboot or a silent end, as TCG has shown:
    /// booting again costs seconds). A boot that showed any other finding before the guest is not
    /// booted again: a kernel bug is the kernel's (an int3 at an ordinary function included), and a
    /// second boot that happens to pass must not hide it; it stays an ERROR naming the line.
    /// </summary>
    static bool ShouldBootAgain(VmRun run, GuestReport report, GuestConsole console, Accel accel)
    {
        if (report.Started || console.GuestStarted)
            return false;
        if (EmulatorFault.CodePatchingCrash(run.ConsoleFindings, console.Timeline, report.Started, accel) is not null)
            return true;
        return run.End == VmEnd.EndedEarly
            && run.ConsoleFindings.Count == 0
            && !OutcomeJudge.QemuStoppedBeforeTheKernel(run, console);
    }

    /// <summary>
    /// A kernel that cannot be had is an ERROR of that kernel, never a verdict, and never stops the
    /// others. One that failed for no reason the harness knows is a bug of the harness: its row says
    /// so and names the file with the stack trace, which the one line cannot hold.
    /// </summary>
    KernelResult NotAcquired(KernelEntry entry, int repeat, IReadOnlyList<string> scenarios, Exception exception, RunContext context, TimeSpan spent)
    {
        var reason = IsKernelFault(exception)
            ? OneLine(exception.Message)
            : $"internal error ({exception.GetType().Name}: {OneLine(exception.Message)}); " +
              CrashLog.Write(exception, [entry.Name], context.Folder.Path, clock.GetUtcNow());
        return Unbootable(entry, repeat, scenarios, reason, spent);
    }

    /// <summary>The row of a kernel that could not be booted at all: every scenario ERROR, for the same reason.</summary>
    public static KernelResult Unbootable(KernelEntry entry, int repeat, IReadOnlyList<string> scenarios, string reason, TimeSpan spent)
    {
        var outcomes = scenarios
            .Select(s => new ScenarioOutcome(s, Protocol.ScenarioVerdict.Error, reason, new Dictionary<string, long>(), [], OutcomeSource.Harness))
            .ToList();
        return new KernelResult(
            entry.Name, repeat, entry.Source.Describe(), null, entry.Expect, null, outcomes, MetExpectation: false, reason,
            new KernelTimings(spent.TotalSeconds, false, null, null), null, null, [], null, null,
            new Dictionary<string, string>(), BootAttempts: 0, ExpectationMisses: [$"not booted: {reason}"]);
    }

    /// <summary>
    /// The failures of getting a kernel that say something about that kernel or its source: a fetch,
    /// a build, a tree out of step, a corrupt image, a file that cannot be read.
    /// </summary>
    static bool IsKernelFault(Exception exception) => exception is KernelAcquisitionException or KernelBuild.KernelBuildException
        or KernelBuild.TreeOutOfStepException or GuestImage.GuestBuildException or FormatException or InvalidDataException
        or IOException or UnauthorizedAccessException;

    static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
