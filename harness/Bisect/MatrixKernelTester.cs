using System.Diagnostics;
using Harness.Config;
using Harness.Kernels;
using Harness.Judging;
using Harness.Records;
using Harness.Running;
using Harness.Storage;
using Harness.Vm;

namespace Harness.Bisect;

/// <summary>
/// Tests one kernel of a matrix bisect: from the outcome cache when this image was asked the same
/// question before, else boots it (the image as a run supplies it) until <see cref="FlakyRule"/>
/// settles it. Each step is appended to the folder's bisect.log and its consoles stay in the folder.
/// </summary>
public sealed class MatrixKernelTester(RunSession session, MatrixBisectSettings settings, RunFolder folder, Action<string> log, TimeProvider clock) : IKernelTester
{
    readonly OutcomeCache _cache = new(session.Settings.CacheRoot);
    readonly RepeatedBoots _boots = new(session, folder, log);
    readonly KernelRun _run = new(new WithoutSelftests(session.Kernels), new QemuRunner(session.Settings.Qemu), clock);

    public async Task<StepRecord> TestAsync(OrderedKernel kernel, CancellationToken cancellationToken)
    {
        var entry = EntryFor(kernel.Entry, settings);
        var image = await session.Kernels.GetAsync(entry.Source, cancellationToken);
        var key = new StepCacheKey("image " + await FileSha256.ComputeAsync(image.ImagePath, cancellationToken), [], [], "",
            settings.Scenarios, HarnessVersion.Current, settings.Repeats, entry.Machine.Cpus, entry.Machine.Guest.CapSeconds, entry.Machine.Guest.Depth.ToString(), entry.Machine.Guest.StressMultiple);
        StepRecord record;
        if (!settings.Retest && await _cache.FindAsync(key, cancellationToken) is { } cached)
        {
            // The same image asked the same question: the answer stands, under this matrix's name for it.
            record = cached with { Commit = kernel.Name, Subject = kernel.Release, Author = kernel.Entry.Source.Describe() };
            log($"{kernel.Name}: {BisectStep.Word(record.Verdict)} (from the cache) {record.Evidence}");
        }
        else
        {
            var clockOfBoots = Stopwatch.StartNew();
            var result = await _boots.RunAsync(_run, entry, settings.Scenarios, settings.Repeats, kernel.Name, cancellationToken);
            record = new StepRecord(kernel.Name, kernel.Release, kernel.Entry.Source.Describe(), result.Decision.Verdict, result.Decision.Evidence,
                BuildSeconds: 0, result.VmSeconds, result.Boots, result.Consoles);
            await _cache.StoreAsync(key, record, cancellationToken);
            log($"{kernel.Name}: {BisectStep.Word(record.Verdict)} in {clockOfBoots.Elapsed.TotalSeconds:0} s: {record.Evidence}");
        }
        await BisectLog.AppendAsync(folder.Path, record, clock.GetUtcNow(), cancellationToken);
        return record;
    }

    /// <summary>The matrix's kernel asked only the bisect's scenarios, with --cpus and --seconds where given.</summary>
    public static KernelEntry EntryFor(KernelEntry entry, MatrixBisectSettings settings) => entry with
    {
        Machine = entry.Machine with
        {
            Cpus = settings.Cpus ?? entry.Machine.Cpus,
            Guest = entry.Machine.Guest with
            {
                Scenarios = settings.Scenarios,
                Seconds = settings.GuestSeconds ?? entry.Machine.Guest.Seconds,
            },
        },
    };
}
