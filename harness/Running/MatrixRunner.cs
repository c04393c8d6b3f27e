using Harness.Config;
using Harness.GuestImage;
using Harness.Judging;
using Harness.Records;
using Harness.Running.Progress;

namespace Harness.Running;

/// <summary>
/// The whole run: builds the guest image once (while the first kernels are fetched), and runs the kernels, one after another or a few at a
/// time (<see cref="VmParallelism"/>), and writes run.json and summary.md with the rows in the
/// matrix's order, also when interrupted, so that nothing already learned is lost.
/// </summary>
/// <param name="progress">Told each kernel's phase as it changes (the live view); null: nobody watches.</param>
public sealed class MatrixRunner(KernelRun kernelRun, IGuestImageSupplier guests, Action<string> log, TimeProvider clock, Action<KernelProgress>? progress = null)
{
    readonly Action<KernelProgress> _progress = progress ?? (_ => { });

    /// <param name="repeats">How many times each kernel is booted; repeated runs show flaky verdicts.</param>
    /// <param name="jobs">How many kernels boot at once, already clamped (<see cref="VmParallelism"/>).</param>
    public async Task<RunRecord> RunAsync(Matrix matrix, int repeats, string qemuVersion, Vm.AccelResolver accel, HostInfo host, RunFolder folder, CancellationToken cancellationToken, int jobs = 1)
    {
        var started = clock.GetUtcNow();
        var scenarios = matrix.Kernels.SelectMany(k => GuestArguments.ScenariosOf(k.Machine.Guest)).Distinct().ToList();
        var guestInfo = new GuestImageInfo("", false, 0);
        var runs = matrix.Kernels.SelectMany(entry => Enumerable.Range(1, repeats).Select(repeat => (Entry: entry, Repeat: repeat))).ToList();
        // One slot per boot, in the matrix's order, whichever boot ends first.
        var results = new KernelResult?[runs.Count];
        var startedAt = new long?[runs.Count];

        string Label(int index) => $"[{index + 1}/{runs.Count}] {(repeats == 1 ? runs[index].Entry.Name : $"{runs[index].Entry.Name} #{runs[index].Repeat}")}";

        RunRecord Record() => new(
            RunRecord.CurrentSchemaVersion, folder.RunId, HarnessVersion.Current, started, clock.GetUtcNow(),
            matrix.FilePath, host, Environment(qemuVersion, accel), guestInfo, scenarios, results.OfType<KernelResult>().ToList())
            { MatrixSha256 = folder.Identity.MatrixSha256, Shard = folder.Identity.Shard };

        for (var index = 0; index < runs.Count; index++)
            _progress(new KernelProgress(Label(index), KernelPhase.Queued));

        // A harness bug in one boot stops the others too, as it stops a serial run; so does a guest
        // image that cannot be built, at once rather than after the fetches.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The guest image is built while the first kernels are fetched: on a warm cache both are
        // checks and short commands (dotnet --version, apt-cache), on a cold one a publish and a
        // download; each boot awaits the image once its kernel is there. On a thread of its own:
        // the check's first part (hashing the guest's sources) runs before its first await and would
        // hold the first fetch back by 50 ms.
        var guestBuild = Task.Run(BuildGuestAsync, CancellationToken.None);
        async Task<GuestImage.GuestImage> BuildGuestAsync()
        {
            log("building the guest image");
            var buildStart = clock.GetTimestamp();
            try
            {
                var guest = await guests.BuildAsync(failed.Token);
                guestInfo = new GuestImageInfo(guest.ContentHash, guest.FromCache, clock.GetElapsedTime(buildStart).TotalSeconds);
                log(guest.FromCache ? $"guest image {Short(guest.ContentHash)} from the cache" : $"guest image {Short(guest.ContentHash)} built in {guestInfo.BuildSeconds:0.0} s");
                return guest;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await failed.CancelAsync();
                throw;
            }
        }

        try
        {
            var context = new RunContext(accel, guestBuild, Random.Shared.NextInt64(1, 1L << 40), folder);
            var next = -1;
            async Task BootInTurnAsync()
            {
                for (var index = Interlocked.Increment(ref next); index < runs.Count; index = Interlocked.Increment(ref next))
                {
                    failed.Token.ThrowIfCancellationRequested();
                    var (entry, repeat) = runs[index];
                    startedAt[index] = clock.GetTimestamp();
                    var label = Label(index);
                    log($"{label}: {entry.Source.Describe()}");
                    try
                    {
                        results[index] = await kernelRun.RunAsync(entry, repeat, context, failed.Token,
                            (phase, detail) => _progress(new KernelProgress(label, phase, detail)));
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        await failed.CancelAsync();
                        throw;
                    }
                    _progress(new KernelProgress(label, KernelPhase.Done, Verdicts(results[index]!)));
                    log($"{label}: {Verdicts(results[index]!)}");
                }
            }
            try
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Max(1, jobs)).Select(_ => Task.Run(BootInTurnAsync, CancellationToken.None)));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not the user's: a guest image that could not be built cancelled the boots (its
                // task may still be ending); its failure is the run's.
                await guestBuild;
                throw;
            }
            // Also when no kernel could be had: the run's guest is part of its record, and its failure the run's.
            await guestBuild;
        }
        catch (OperationCanceledException)
        {
            // The kernels that were running when the user interrupted get their rows, so the table
            // shows where the run stopped; the kernels that ended keep their verdicts, and the ones
            // never started get rows too, so run.json still names the whole matrix and no reader takes
            // a missing kernel for one that was never in it.
            for (var index = 0; index < runs.Count; index++)
            {
                if (results[index] is not null)
                    continue;
                var (entry, repeat) = runs[index];
                TimeSpan? ranFor = startedAt[index] is { } start ? clock.GetElapsedTime(start) : null;
                results[index] = KernelRun.Unbootable(
                    entry, repeat, GuestArguments.ScenariosOf(entry.Machine.Guest), ranFor is null ? NotStarted : Interrupted, ranFor ?? TimeSpan.Zero);
            }
            await folder.WriteAsync(Record(), CancellationToken.None);
            throw;
        }

        var record = Record();
        await folder.WriteAsync(record, cancellationToken);
        return record;
    }

    /// <summary>The accelerator as it stands when the record is written: none decided yet when nothing booted.</summary>
    static VmEnvironment Environment(string qemuVersion, Vm.AccelResolver accel) => accel.Current is { } decision
        ? new VmEnvironment(qemuVersion, decision.Accel, decision.Reason, decision.Proof, decision.Fallback)
        : new VmEnvironment(qemuVersion, accel.Choice == AccelChoice.Tcg ? Vm.Accel.Tcg : null, "no kernel was booted, so no accelerator was chosen");

    /// <summary>The reason of every scenario of the kernel that was booting or running when the run was interrupted.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>The reason of every scenario of a kernel the interrupted run never reached.</summary>
    public const string NotStarted = "cancelled: the run was interrupted before this kernel";

    static string Verdicts(KernelResult result)
    {
        var words = string.Join(" ", result.Scenarios.Select(s => $"{s.Scenario}={VerdictWords.Word(s.Outcome)}"));
        var release = result.KernelRelease is null ? "" : $" ({result.KernelRelease})";
        return result.Error is null ? $"{words}{release}" : $"ERROR {result.Error}";
    }

    static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
