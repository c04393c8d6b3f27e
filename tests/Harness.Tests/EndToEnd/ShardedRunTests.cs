using Harness.Records;
using Harness.Reports;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// The acceptance test of issue 11's shards, against the fake QEMU: three jobs each run one shard
/// of a matrix of three kernels that behave differently (a PASS, a FAIL beside an ERROR, a QEMU that
/// crashes), <c>harness merge</c> joins them, and the merged table has exactly the cells of the
/// same matrix run whole. The real-QEMU twin is in Harness.VmTests (EndToEnd/ShardedRealRunTests).
/// </summary>
public class ShardedRunTests : ScratchTests
{
    const string RunId = "nightly-42";

    string _cache = null!;

    [SetUp]
    public async Task SeedCache() => _cache = await SeededCache.CreateAsync(Scratch.File("cache"));

    string Matrix()
    {
        Scratch.FakeBzImage("bzImage-pass");
        // The fake reads its mode from the kernel image when nothing else names one.
        File.AppendAllText(Scratch.FakeBzImage("bzImage-segfault"), "fakeqemu.mode=segfault\0");
        File.AppendAllText(Scratch.FakeBzImage("bzImage-crash"), "fakeqemu.mode=crash\0");
        return Scratch.Write("kernels.yaml", """
            defaults:
              accel: tcg
              boot_timeout: 600
              silence_timeout: 600
              test_timeout: 60
              guest:
                scenarios: [fork_cpu_id, affinity_pin, migration_storm]
            kernels:
              - name: passing
                source: { path: bzImage-pass }
              - name: segfaulting
                source: { path: bzImage-segfault }
                expect: fail
              - name: crashing
                source: { path: bzImage-crash }
            """);
    }

    static readonly Dictionary<string, string?> ModeFromTheImage = new() { ["FAKEQEMU_MODE"] = null, ["GITHUB_STEP_SUMMARY"] = null };

    Task<HarnessProcess.Outcome> Run(string matrix, string results, params string[] more) =>
        HarnessProcess.RunAsync(["run", "--matrix", matrix, "--results", results, "--qemu", FakeQemu, "--cache", _cache, .. more], ModeFromTheImage);

    static RunRecord Read(string folder) => RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(folder, "run.json")));

    static IReadOnlyList<IReadOnlyList<string>> Cells(RunRecord run) => Reports.TableTexts.Texts(ResultTable.From(run));

    async Task<IReadOnlyList<string>> RunShards(string matrix)
    {
        var shards = Scratch.File("shards");
        for (var index = 1; index <= 3; index++)
            await Run(matrix, shards, "--shard", $"{index}/3", "--run-id", RunId);
        return Enumerable.Range(1, 3).Select(index => Path.Combine(shards, $"{RunId}-shard-{index}-of-3")).ToList();
    }

    [Test]
    public async Task A_merge_of_three_shards_gives_the_cells_of_the_unsharded_run()
    {
        var matrix = Matrix();
        var whole = await Run(matrix, Scratch.File("whole"));
        var shards = await RunShards(matrix);
        var summary = Scratch.Write("step-summary.md", "earlier step\n");

        var merge = await HarnessProcess.RunAsync(
            ["merge", .. shards.AsEnumerable().Reverse(), "--results", Scratch.File("merged")],
            new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary });

        var unsharded = Read(Path.Combine(Scratch.File("whole"), "latest"));
        var merged = Read(Path.Combine(Scratch.File("merged"), "latest"));
        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(whole.ExitCode), merge.Output + merge.Errors);
            Assert.That(merge.ExitCode, Is.EqualTo(1), "the crashing kernel misses its expectation");
            Assert.That(ResultTable.From(merged).Header, Is.EqualTo(ResultTable.From(unsharded).Header));
            Assert.That(Cells(merged), Is.EqualTo(Cells(unsharded)));
            // The cells are worth comparing: the three kernels differ, and each shard ran only its own.
            Assert.That(Cells(merged).Select(row => row[3]), Is.EqualTo(new[] { "PASS", "FAIL", "ERROR" }));
            Assert.That(shards.Select(s => Read(s).Kernels.Single().Name), Is.EqualTo(new[] { "passing", "segfaulting", "crashing" }));
            Assert.That(merged.RunId, Is.EqualTo(RunId));
            Assert.That(merged.MatrixSha256, Is.EqualTo(unsharded.MatrixSha256).And.Not.Null);
            Assert.That(merged.MergedShards.Select(s => s.Index), Is.EqualTo(new[] { 1, 2, 3 }));
            foreach (var kernel in merged.Kernels)
                Assert.That(File.Exists(Path.Combine(Scratch.File("merged"), "latest", kernel.ConsoleLog!)), Is.True, kernel.ConsoleLog);
            foreach (var exporter in TableExporter.Standard)
                Assert.That(File.Exists(Path.Combine(Scratch.File("merged"), "latest", exporter.FileName)), Is.True, exporter.FileName);
            Assert.That(File.ReadAllText(summary), Does.StartWith("earlier step\n").And.Contain("| segfaulting | "));
        });
    }

    [Test]
    public async Task A_shard_records_its_slice_the_run_id_and_the_matrix_hash_and_appends_its_table_to_the_step_summary()
    {
        var matrix = Matrix();
        var summary = Scratch.File("step-summary.md");

        var outcome = await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", Scratch.Results, "--qemu", FakeQemu, "--cache", _cache, "--shard", "2/3", "--run-id", RunId],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = null, ["GITHUB_STEP_SUMMARY"] = summary });

        var run = Read(Path.Combine(Scratch.Results, $"{RunId}-shard-2-of-3"));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Output, Does.Contain("shard 2/3: segfaulting of the matrix's 3 kernels"));
            Assert.That(run.RunId, Is.EqualTo(RunId));
            Assert.That(run.Shard, Is.EqualTo(new ShardInfo(2, 3, ["passing", "segfaulting", "crashing"])).Using<ShardInfo>((a, b) =>
                a.Index == b.Index && a.Count == b.Count && a.MatrixKernels.SequenceEqual(b.MatrixKernels)));
            Assert.That(run.MatrixSha256, Has.Length.EqualTo(64));
            Assert.That(run.Kernels.Select(k => k.Name), Is.EqualTo(new[] { "segfaulting" }));
            Assert.That(File.ReadAllText(summary), Does.Contain("| segfaulting | ").And.Contain("- shard: 2/3 of 3 kernels"));
        });
    }

    [Test]
    public async Task A_merge_with_a_shard_missing_names_it_exits_2_and_writes_nothing()
    {
        var matrix = Matrix();
        var shards = Scratch.File("shards");
        await Run(matrix, shards, "--shard", "1/3", "--run-id", RunId);
        await Run(matrix, shards, "--shard", "3/3", "--run-id", RunId);

        var merge = await HarnessProcess.RunAsync(
            ["merge", Path.Combine(shards, $"{RunId}-shard-1-of-3"), Path.Combine(shards, $"{RunId}-shard-3-of-3"), "--results", Scratch.Results]);

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Errors.Trim(), Is.EqualTo("harness: shard 2/3 missing (given: 1/3, 3/3)"));
        Assert.That(Directory.Exists(Scratch.Results), Is.False);
    }

    [Test]
    public async Task A_merge_of_shards_of_another_matrix_is_refused()
    {
        var matrix = Matrix();
        var shards = Scratch.File("shards");
        await Run(matrix, shards, "--shard", "1/2", "--run-id", RunId);
        File.WriteAllText(matrix, File.ReadAllText(matrix).Replace("test_timeout: 60", "test_timeout: 61"));
        await Run(matrix, shards, "--shard", "2/2", "--run-id", RunId);

        var merge = await HarnessProcess.RunAsync(
            ["merge", Path.Combine(shards, $"{RunId}-shard-1-of-2"), Path.Combine(shards, $"{RunId}-shard-2-of-2"), "--results", Scratch.Results]);

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Errors.Trim(), Does.Match("^harness: .*shard-2-of-2: cut from another matrix than .*shard-1-of-2 [^\n]*$"));
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("x")]
    public async Task A_bad_shard_is_a_one_line_usage_error_that_boots_nothing(string shard)
    {
        var outcome = await Run(Matrix(), Scratch.Results, "--shard", shard);

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Errors.Trim(), Does.Match($"^harness: --shard [^\n]*{System.Text.RegularExpressions.Regex.Escape(shard)}[^\n]*$"));
        Assert.That(Directory.Exists(Scratch.Results), Is.False);
    }

    [Test]
    public async Task More_shards_than_kernels_is_refused_before_anything_boots()
    {
        var outcome = await Run(Matrix(), Scratch.Results, "--shard", "4/4");

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Errors.Trim(), Is.EqualTo("harness: --shard 4/4: the matrix has 3 kernel(s), so this shard would run none; use at most 3 shards"));
        Assert.That(Directory.Exists(Scratch.Results), Is.False);
    }
}
