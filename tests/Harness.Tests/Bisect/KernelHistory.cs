using CliWrap;
using Harness.Bisect;
using Harness.Commands;
using Harness.Config;
using Harness.Kernels;

namespace Harness.Tests.Bisect;

/// <summary>
/// A kernel git history for the bisect's VM tests, made from Debian's linux-source-5.10 as the
/// harness gets it (its source fetcher and build cache): a base commit, then two series on it,
/// tagged. <c>clean</c>: 14 commits touching unrelated and scheduler files, the 8th of which removes
/// the two <c>rseq_migrate(p)</c> calls (patches/5.10/0001). <c>broken</c>: the same edits reordered around a
/// commit that does not build (and its fix) and one that does not boot (and its fix).
/// Kept in the per-user cache beside the build folder it warms: a new copy of the tree would give
/// every file a new time and cost a cold build (10 minutes on two cores) instead of seconds.
/// </summary>
static class KernelHistory
{
    // Bump the base to copy the source again (a cold build follows); bump the series to remake only the commits.
    const string BaseVersion = "1";
    const string SeriesVersion = "2";

    public sealed record Tags(string Tree)
    {
        public const string Good = "good";
        public const string CleanBad = "clean-bad";
        public const string CleanCulprit = "clean-culprit";
        public const string BrokenBad = "broken-bad";
        public const string BrokenCulprit = "broken-culprit";
        public const string BrokenBuild = "broken-build";
        public const string BrokenBoot = "broken-boot";
    }

    sealed record Edit(string Subject, string Path, Func<string, string>? Change = null, bool Revert = false);

    static readonly DebianSourceTree Source = new("linux-source-5.10", "bullseye");

    public static string FixturePath => Path.Combine(RepositoryLayout.DefaultCache, "bisect-fixture", $"linux-5.10-v{BaseVersion}");

    public static async Task<Tags> EnsureAsync(Action<string> log, CancellationToken ct)
    {
        var tree = new GitTree(FixturePath);
        var baseMarker = Path.Combine(FixturePath, ".git", "harness-fixture-base");
        if (!File.Exists(baseMarker))
        {
            await CreateBaseAsync(log, ct);
            await File.WriteAllTextAsync(baseMarker, BaseVersion, ct);
        }
        var seriesMarker = Path.Combine(FixturePath, ".git", "harness-fixture-series");
        if (!File.Exists(seriesMarker) || await File.ReadAllTextAsync(seriesMarker, ct) != SeriesVersion)
        {
            await CreateSeriesAsync(tree, log, ct);
            await File.WriteAllTextAsync(seriesMarker, SeriesVersion, ct);
        }
        return new Tags(FixturePath);
    }

    static async Task CreateBaseAsync(Action<string> log, CancellationToken ct)
    {
        var pristine = await new KernelProvider(RepositoryLayout.DefaultCache, log).UnpackedSourceAsync(Source, ct);
        var partial = FixturePath + ".partial";
        if (Directory.Exists(partial))
            Directory.Delete(partial, recursive: true);
        if (Directory.Exists(FixturePath))
            Directory.Delete(FixturePath, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(FixturePath)!);
        log($"copying {pristine} into a git work tree");
        // A real copy, not hard links: git checkout must never write through to the pristine source.
        await Cli.Wrap("cp").WithArguments(["-a", pristine, partial]).ExecuteAsync(ct);
        Directory.Move(partial, FixturePath);
        var tree = new GitTree(FixturePath);
        await tree.RunAsync(["init", "-q", "-b", "main"], ct);
        await tree.RunAsync(["config", "gc.auto", "0"], ct);
        // -f: Debian's .gitignore ignores everything at the top level (its packaging repository's view).
        await tree.RunAsync(["add", "-A", "-f"], ct);
        await CommitAsync(tree, "Import Debian's linux-source-5.10", ct);
    }

    static async Task CreateSeriesAsync(GitTree tree, Action<string> log, CancellationToken ct)
    {
        log("making the clean and broken series");
        await tree.RunAsync(["checkout", "-q", "-f", "main"], ct);
        await tree.RunAsync(["tag", "-f", Tags.Good, "main"], ct);
        await MakeSeriesAsync(tree, "clean", Clean, Tags.CleanCulprit, Tags.CleanBad, ct);
        await MakeSeriesAsync(tree, "broken", Broken, Tags.BrokenCulprit, Tags.BrokenBad, ct);
        await tree.RunAsync(["tag", "-f", Tags.BrokenBuild, $"{Tags.BrokenBad}~{Broken.Count - 1 - Broken.FindIndex(e => e.Subject == NoBuild.Subject)}"], ct);
        await tree.RunAsync(["tag", "-f", Tags.BrokenBoot, $"{Tags.BrokenBad}~{Broken.Count - 1 - Broken.FindIndex(e => e.Subject == NoBoot.Subject)}"], ct);
        await tree.RunAsync(["checkout", "-q", "main"], ct);
    }

    static async Task MakeSeriesAsync(GitTree tree, string branch, List<Edit> edits, string culpritTag, string badTag, CancellationToken ct)
    {
        await tree.RunAsync(["checkout", "-q", "-B", branch, Tags.Good], ct);
        foreach (var edit in edits)
        {
            if (edit == Culprit)
                await tree.RunAsync(["apply", Path.Combine(RepositoryLayout.Locate().Root, "patches", "5.10", "0001-revert-rseq-migrate-on-fork.patch")], ct);
            else if (edit.Revert)
                await tree.RunAsync(["checkout", "HEAD~1", "--", edit.Path], ct);
            else
            {
                var path = Path.Combine(tree.Directory, edit.Path);
                await File.WriteAllTextAsync(path, edit.Change!(await File.ReadAllTextAsync(path, ct)), ct);
            }
            // -f: Debian's .gitignore ignores every top-level path, tracked or not.
            await tree.RunAsync(["add", "-f", "--", edit.Path], ct);
            await CommitAsync(tree, edit.Subject, ct);
            if (edit == Culprit)
                await tree.RunAsync(["tag", "-f", culpritTag], ct);
        }
        await tree.RunAsync(["tag", "-f", badTag], ct);
    }

    static Task<string> CommitAsync(GitTree tree, string subject, CancellationToken ct) =>
        tree.RunAsync(["-c", "user.name=Bisect Fixture", "-c", "user.email=fixture@example.invalid", "commit", "-q", "--no-verify", "-m", subject], ct);

    static Func<string, string> Append(string line) => text => text + line + "\n";

    static Edit Comment(string subject, string path, int n) => new(subject, path, Append($"/* bisect fixture: note {n} */"));

    static Edit Note(string subject, string path, int n) => new(subject, path, Append($"bisect fixture: note {n}"));

    static readonly Edit Culprit = new("sched: stop calling rseq_migrate() on a new task", "kernel/sched/core.c");

    static readonly Edit NoBuild = new("sched/loadavg: a change that does not compile", "kernel/sched/loadavg.c",
        Append("#error \"bisect fixture: this commit does not build\""));

    static readonly Edit NoBuildFixed = new("sched/loadavg: make it compile again", "kernel/sched/loadavg.c", Revert: true);

    // kernel_init runs once the kernel is up, just before /init: a panic there is a boot that never reaches the guest.
    static readonly Edit NoBoot = new("init: a change that panics at boot", "init/main.c",
        text => text.Replace("static int __ref kernel_init(void *unused)\n{\n", "static int __ref kernel_init(void *unused)\n{\n\tpanic(\"bisect fixture: this commit does not boot\");\n"));

    static readonly Edit NoBootFixed = new("init: boot again", "init/main.c", Revert: true);

    static List<Edit> Clean =>
    [
        Note("Documentation: a note on CFS", "Documentation/scheduler/sched-design-CFS.rst", 1),
        Comment("sched/fair: a comment", "kernel/sched/fair.c", 2),
        Note("README: a note", "README", 3),
        Comment("sched/rt: a comment", "kernel/sched/rt.c", 4),
        Note("CREDITS: a note", "CREDITS", 5),
        Comment("sched/deadline: a comment", "kernel/sched/deadline.c", 6),
        Note("MAINTAINERS: a note", "MAINTAINERS", 7),
        Culprit,
        Comment("sched/idle: a comment", "kernel/sched/idle.c", 9),
        Note("CREDITS: another note", "CREDITS", 10),
        Comment("sched/core: a comment", "kernel/sched/core.c", 11),
        Note("README: another note", "README", 12),
        Comment("sched/fair: another comment", "kernel/sched/fair.c", 13),
        Note("Documentation: another note on CFS", "Documentation/scheduler/sched-design-CFS.rst", 14),
    ];

    // Laid out so that git bisect tries the commit that does not build on its way (checked on a tiny
    // history by BrokenSeriesShapeTests): 8 good, no-build, its fix, no-boot, its fix, 1 good, the
    // culprit, 4 bad. The fix of no-boot tests good, so git bisect brackets no-boot out; the VM test
    // of bisect-step runs that commit directly instead.
    static List<Edit> Broken
    {
        get
        {
            var clean = Clean;
            return [.. clean[..7], clean[8], NoBuild, NoBuildFixed, NoBoot, NoBootFixed, clean[9], Culprit, .. clean[10..]];
        }
    }
}
