using Harness.Records;
using Harness.Reports;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// The acceptance test of issue 11's shards, against the fake QEMU: three jobs each run one shard
/// of a matrix of three kernels that behave differently (a PASS, a FAIL beside an ERROR, a QEMU that
/// crashes), <c>harness merge</c> joins them, and the merged table has exactly the cells of the
/// same matrix run whole. The real-QEMU twin is in Harness.VmTests (EndToEnd/ShardedRealRunTests).
/// </summary>
public class ShardedRunTests
{
    const string RunId = "nightly-42";

    // One matrix, run whole and in three shards once for the fixture (its tests run one after
    // another): the merges and their refusals read these folders, and none of them boots again.
    ScratchFolder _scratch = null!;
    string _cache = "";
    string _matrix = "";
    HarnessProcess.Outcome _whole = null!;
    HarnessProcess.Outcome _secondShard = null!;
    string _secondShardSummary = "";
    IReadOnlyList<string> _shards = [];

    [OneTimeSetUp]
    public async Task RunTheMatrixWholeAndInThreeShards()
    {
        _scratch = new ScratchFolder();
        _cache = await SeededCache.CreateAsync(_scratch.File("cache"));
        _matrix = Matrix();
        _whole = await Run(_scratch.File("whole"));
        _secondShardSummary = _scratch.File("shard-2-step-summary.md");
        var shards = _scratch.File("shards");
        for (var index = 1; index <= 3; index++)
        {
            // The second shard appends its table to a CI job's step summary, as every shard of a CI job would.
            var outcome = await Run(shards, ModeFromTheImage(index == 2 ? _secondShardSummary : null), "--shard", $"{index}/3", "--run-id", RunId);
            // The passing kernel's shard meets its expectation; the other two miss theirs (an ERROR is never a FAIL).
            Assert.That(outcome.ExitCode, Is.EqualTo(index == 1 ? 0 : 1), outcome.Output + outcome.Errors);
            if (index == 2)
                _secondShard = outcome;
        }
        _shards = Enumerable.Range(1, 3).Select(index => Path.Combine(shards, $"{RunId}-shard-{index}-of-3")).ToList();
    }

    [OneTimeTearDown]
    public void RemoveScratch() => _scratch.Dispose();

    static string FakeQemu => Vm.FakeQemu.Path;

    string Matrix()
    {
        _scratch.FakeBzImage("bzImage-pass");
        // The fake reads its mode from the kernel image when nothing else names one.
        File.AppendAllText(_scratch.FakeBzImage("bzImage-segfault"), "fakeqemu.mode=segfault\0");
        File.AppendAllText(_scratch.FakeBzImage("bzImage-crash"), "fakeqemu.mode=crash\0");
        return _scratch.Write("kernels.yaml", """
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

    static Dictionary<string, string?> ModeFromTheImage(string? stepSummary = null) =>
        new() { ["FAKEQEMU_MODE"] = null, ["GITHUB_STEP_SUMMARY"] = stepSummary };

    Task<HarnessProcess.Outcome> Run(string results, params string[] more) => Run(results, ModeFromTheImage(), more);

    Task<HarnessProcess.Outcome> Run(string results, Dictionary<string, string?> environment, params string[] more) =>
        HarnessProcess.RunAsync(["run", "--matrix", _matrix, "--results", results, "--qemu", FakeQemu, "--cache", _cache, .. more], environment);

    static RunRecord Read(string folder) => RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(folder, "run.json")));

    static IReadOnlyList<IReadOnlyList<string>> Cells(RunRecord run) => Reports.TableTexts.Texts(ResultTable.From(run));

    [Test]
    public async Task A_merge_of_three_shards_gives_the_cells_of_the_unsharded_run()
    {
        var summary = _scratch.Write("merge-step-summary.md", "earlier step\n");
        var mergedFolder = _scratch.File("merged");

        var merge = await HarnessProcess.RunAsync(
            ["merge", .. _shards.AsEnumerable().Reverse(), "--results", mergedFolder],
            new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary });

        var unsharded = Read(Path.Combine(_scratch.File("whole"), "latest"));
        var merged = Read(Path.Combine(mergedFolder, "latest"));
        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(_whole.ExitCode), merge.Output + merge.Errors);
            Assert.That(merge.ExitCode, Is.EqualTo(1), "the crashing kernel misses its expectation");
            Assert.That(ResultTable.From(merged).Header, Is.EqualTo(ResultTable.From(unsharded).Header));
            Assert.That(Cells(merged), Is.EqualTo(Cells(unsharded)));
            // The cells are worth comparing: the three kernels differ, and each shard ran only its own.
            Assert.That(Cells(merged).Select(row => row[3]), Is.EqualTo(new[] { "PASS", "FAIL", "ERROR" }));
            Assert.That(_shards.Select(s => Read(s).Kernels.Single().Name), Is.EqualTo(new[] { "passing", "segfaulting", "crashing" }));
            Assert.That(merged.RunId, Is.EqualTo(RunId));
            Assert.That(merged.MatrixSha256, Is.EqualTo(unsharded.MatrixSha256).And.Not.Null);
            Assert.That(merged.MergedShards.Select(s => s.Index), Is.EqualTo(new[] { 1, 2, 3 }));
            foreach (var kernel in merged.Kernels)
                Assert.That(File.Exists(Path.Combine(mergedFolder, "latest", kernel.ConsoleLog!)), Is.True, kernel.ConsoleLog);
            foreach (var exporter in TableExporter.Standard)
                Assert.That(File.Exists(Path.Combine(mergedFolder, "latest", exporter.FileName)), Is.True, exporter.FileName);
            Assert.That(File.ReadAllText(summary), Does.StartWith("earlier step\n").And.Contain("| segfaulting | "));
        });
    }

    [Test]
    public void A_shard_records_its_slice_the_run_id_and_the_matrix_hash_and_appends_its_table_to_the_step_summary()
    {
        var run = Read(_shards[1]);
        Assert.Multiple(() =>
        {
            Assert.That(_secondShard.Output, Does.Contain("shard 2/3: segfaulting of the matrix's 3 kernels"));
            Assert.That(run.RunId, Is.EqualTo(RunId));
            Assert.That(run.Shard, Is.EqualTo(new ShardInfo(2, 3, ["passing", "segfaulting", "crashing"])).Using<ShardInfo>((a, b) =>
                a.Index == b.Index && a.Count == b.Count && a.MatrixKernels.SequenceEqual(b.MatrixKernels)));
            Assert.That(run.MatrixSha256, Has.Length.EqualTo(64));
            Assert.That(run.Kernels.Select(k => k.Name), Is.EqualTo(new[] { "segfaulting" }));
            Assert.That(File.ReadAllText(_secondShardSummary), Does.Contain("| segfaulting | ").And.Contain("- shard: 2/3 of 3 kernels"));
        });
    }

    [Test]
    public async Task A_merge_with_a_shard_missing_names_it_exits_2_and_writes_nothing()
    {
        var results = _scratch.File("merged-without-shard-2");

        var merge = await HarnessProcess.RunAsync(["merge", _shards[0], _shards[2], "--results", results]);

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Errors.Trim(), Is.EqualTo("harness: shard 2/3 missing (given: 1/3, 3/3)"));
        Assert.That(Directory.Exists(results), Is.False);
    }

    [Test]
    public async Task A_merge_of_shards_of_another_matrix_is_refused()
    {
        // The second shard as a run of an edited kernels.yaml would have recorded it: another matrix
        // hash (which hashes differ is MatrixHashTests' subject; here, that merge reads and refuses it).
        var other = Directory.CreateDirectory(_scratch.File(Path.Combine("other-matrix", Path.GetFileName(_shards[1])))).FullName;
        foreach (var file in Directory.GetFiles(_shards[1]))
            File.Copy(file, Path.Combine(other, Path.GetFileName(file)));
        var runJson = Path.Combine(other, "run.json");
        var original = File.ReadAllText(runJson);
        var edited = System.Text.RegularExpressions.Regex.Replace(original, "\"matrix_sha256\": \"[0-9a-f]{64}\"", $"\"matrix_sha256\": \"{new string('0', 64)}\"");
        Assert.That(edited, Is.Not.EqualTo(original), "run.json records the matrix hash");
        File.WriteAllText(runJson, edited);
        var results = _scratch.File("merged-of-two-matrices");

        var merge = await HarnessProcess.RunAsync(["merge", _shards[0], other, _shards[2], "--results", results]);

        Assert.That(merge.ExitCode, Is.EqualTo(2));
        Assert.That(merge.Errors.Trim(), Does.Match("^harness: .*other-matrix/[^/]*shard-2-of-3: cut from another matrix than .*shard-1-of-3 [^\n]*$"));
        Assert.That(Directory.Exists(results), Is.False);
    }

    // ShardSpecTests refuses every malformed --shard; here, that the refusal reaches the user as one line, before anything boots.
    [Test]
    public async Task A_bad_shard_is_a_one_line_usage_error_that_boots_nothing()
    {
        var results = _scratch.File("bad-shard");

        var outcome = await Run(results, "--shard", "4/3");

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Errors.Trim(), Does.Match("^harness: --shard [^\n]*4/3[^\n]*$"));
        Assert.That(Directory.Exists(results), Is.False);
    }

    [Test]
    public async Task More_shards_than_kernels_is_refused_before_anything_boots()
    {
        var results = _scratch.File("too-many-shards");

        var outcome = await Run(results, "--shard", "4/4");

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Errors.Trim(), Is.EqualTo("harness: --shard 4/4: the matrix has 3 kernel(s), so this shard would run none; use at most 3 shards"));
        Assert.That(Directory.Exists(results), Is.False);
    }
}
