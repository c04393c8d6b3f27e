using Harness.Judging;
using System.Diagnostics;
using Harness.Config;
using Harness.KernelBuild;
using Harness.Kernels;
using Harness.Records;
using Harness.Running;
using Harness.Vm;

namespace Harness.Bisect;

/// <summary>
/// Tests the commit a kernel tree has checked out: from the outcome cache when this exact step
/// ran before, else builds it in place and boots it with the guest (through <see cref="KernelRun"/>,
/// as <c>harness run</c> boots a kernel), up to <see cref="StepSettings.Repeats"/> times, and
/// decides with <see cref="FlakyRule"/>. Every step is appended to the folder's bisect.log and its
/// consoles stay in the folder.
/// </summary>
public sealed class BisectStep(RunSession session, StepSettings settings, RunFolder folder, Action<string> log, TimeProvider clock) : ICommitTester
{
    readonly InPlaceBuilder _builder = new(session.Settings.CacheRoot, line => log($"  build: {line}"));
    readonly OutcomeCache _cache = new(session.Settings.CacheRoot);
    readonly GitTree _git = new(settings.TreePath);
    readonly RepeatedBoots _boots = new(session, folder, log);

    public StepSettings Settings => settings;

    public async Task<StepRecord> RunAsync(CancellationToken cancellationToken)
    {
        var commit = await _git.HeadAsync(cancellationToken);
        var (subject, author) = await DescribeAsync(commit, cancellationToken);
        var key = await KeyAsync(cancellationToken);
        StepRecord record;
        if (!settings.Retest && key is not null && await _cache.FindAsync(key, cancellationToken) is { } cached)
        {
            // Same files, same question: the answer stands, under this commit's name.
            record = cached with { Commit = commit, Subject = subject, Author = author };
            log($"{record.ShortCommit}: {Word(record.Verdict)} (from the cache) {record.Evidence}");
        }
        else
        {
            record = await TestAsync(commit, subject, author, cancellationToken);
            if (key is not null)
                await _cache.StoreAsync(key, record, cancellationToken);
            log($"{record.ShortCommit}: {Word(record.Verdict)} in {record.BuildSeconds:0} s of build and {record.VmSeconds:0} s of VM: {record.Evidence}");
        }
        await BisectLog.AppendAsync(folder.Path, record, clock.GetUtcNow(), cancellationToken);
        return record;
    }

    async Task<StepRecord> TestAsync(string commit, string subject, string author, CancellationToken cancellationToken)
    {
        var shortCommit = commit[..12];
        log($"{shortCommit}: building {subject}");
        var buildClock = Stopwatch.StartNew();
        var layout = await _builder.LayoutAsync(settings.TreePath, settings.FragmentPath, cancellationToken);
        InPlaceBuildResult build;
        try
        {
            build = await _builder.BuildAsync(settings.TreePath, settings.FragmentPath, cancellationToken);
        }
        catch (KernelBuildException e)
        {
            // A commit that does not build says nothing about the regression: git bisect skips it.
            var kept = KeepBuildLog(layout.LogPath, shortCommit);
            return new StepRecord(commit, subject, author, KernelJudgement.Untestable, $"build failed: {OneLine(e.Message)}",
                buildClock.Elapsed.TotalSeconds, 0, [], kept is null ? [] : [kept]);
        }
        var buildSeconds = build.Seconds;
        KeepBuildLog(layout.LogPath, shortCommit);

        var image = new KernelImage(build.ImagePath, $"{commit} (built in place)", FromCache: false, Provenance: new KernelProvenance(TreeCommit: commit));
        var run = new KernelRun(new BuiltKernel(image), new QemuRunner(session.Settings.Qemu), clock);
        var result = await _boots.RunAsync(run, EntryFor(settings, shortCommit), settings.Scenarios, settings.Repeats, shortCommit, cancellationToken);
        return new StepRecord(commit, subject, author, result.Decision.Verdict, result.Decision.Evidence, buildSeconds, result.VmSeconds, result.Boots, result.Consoles);
    }

    /// <summary>The kernel as the run machinery sees it; only the guest's and the VM's settings matter, the image comes from <see cref="BuiltKernel"/>.</summary>
    public static KernelEntry EntryFor(StepSettings settings, string shortCommit)
    {
        var standard = MachineSettings.Standard;
        return new KernelEntry(
            shortCommit,
            new BuildKernelSource(new LocalSourceTree(settings.TreePath), settings.FragmentPath, [], Selftests: false),
            Expectation.Pass,
            standard with { Cpus = settings.Cpus, Guest = standard.Guest with { Seconds = settings.GuestSeconds, Scenarios = settings.Scenarios } },
            SourceLocation.WholeFile(settings.TreePath));
    }

    /// <summary>Copies the commit's make output into the step folder: the build folder's log is overwritten by the next commit.</summary>
    string? KeepBuildLog(string buildLog, string shortCommit)
    {
        if (!File.Exists(buildLog))
            return null;
        var (relative, absolute) = folder.KernelFile(shortCommit, "build.log");
        File.Copy(buildLog, absolute, overwrite: true);
        return relative;
    }

    /// <summary>The cache key of this commit; null when the tree has changes git does not know, which no key could name.</summary>
    async Task<StepCacheKey?> KeyAsync(CancellationToken cancellationToken)
    {
        var changes = await _git.RunAsync(["status", "--porcelain", "--untracked-files=no"], cancellationToken);
        if (changes.Trim().Length > 0)
        {
            log("the tree has uncommitted changes: this step's outcome is neither read from nor written to the cache");
            return null;
        }
        var treeHash = (await _git.RunAsync(["rev-parse", "HEAD^{tree}"], cancellationToken)).Trim();
        var fragment = File.Exists(settings.FragmentPath) ? await File.ReadAllBytesAsync(settings.FragmentPath, cancellationToken) : [];
        return new StepCacheKey(treeHash, fragment, [], await CompilerVersion.FirstLineAsync(session.Settings.CacheRoot, cancellationToken), settings.Scenarios,
            HarnessVersion.Current, settings.Repeats, settings.Cpus, EntryFor(settings, "key").Machine.Guest.CapSeconds);
    }

    async Task<(string Subject, string Author)> DescribeAsync(string commit, CancellationToken cancellationToken)
    {
        var lines = (await _git.RunAsync(["log", "-1", "--format=%s%n%an <%ae>", commit], cancellationToken)).Split('\n');
        return (lines[0].Trim(), lines.Length > 1 ? lines[1].Trim() : "");
    }

    public static string Word(KernelJudgement verdict) => verdict switch
    {
        KernelJudgement.Good => "good",
        KernelJudgement.Bad => "bad",
        _ => "skip",
    };

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
