using Harness.Records;
using Harness.Reports;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// Issue 11's acceptance on the real thing: three Debian kernels (from the cache when they are
/// there), the NativeAOT guest and real QEMU, run whole and as three shards of one run id; the
/// merge of the shards has the cells of the whole run. The fake-QEMU twin is in Harness.Tests
/// (EndToEnd/ShardedRunTests), with the refusals.
/// </summary>
[Category("VM")]
[NonParallelizable]
public class ShardedRealRunTests
{
    const string RunId = "vm-shards";

    ScratchFolder _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchFolder();

    [TearDown]
    public void RemoveScratch() => _scratch.Dispose();

    // node_id_mm_cid SKIPs before 6.3 and runs on 6.12, so the three rows differ and a row put in
    // the wrong place would show.
    string Matrix() => _scratch.Write("kernels.yaml", """
        defaults:
          test_timeout: 300
          guest:
            depth: quick
            scenarios: [fork_cpu_id, affinity_pin, node_id_mm_cid]
        kernels:
          - name: bullseye-5.10
            source: {debian: linux-image-amd64, suite: bullseye}
          - name: bookworm-6.1
            source: {debian: linux-image-amd64, suite: bookworm}
          - name: trixie-6.12
            source: {debian: linux-image-amd64, suite: trixie}
        """);

    static RunRecord Read(string folder) => RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(folder, "run.json")));

    static IReadOnlyList<IReadOnlyList<string>> Cells(RunRecord run) =>
        ResultTable.From(run).Rows.Select(row => (IReadOnlyList<string>)row.Select(cell => cell.Text).ToList()).ToList();

    [Test]
    public async Task A_merge_of_three_shards_gives_the_cells_of_the_unsharded_run()
    {
        var matrix = Matrix();
        var whole = await HarnessProcess.RunAsync(["run", "--matrix", matrix, "--results", _scratch.File("whole")], timeout: TimeSpan.FromMinutes(30));
        var shards = _scratch.File("shards");
        for (var index = 1; index <= 3; index++)
        {
            var shard = await HarnessProcess.RunAsync(
                ["run", "--matrix", matrix, "--results", shards, "--shard", $"{index}/3", "--run-id", RunId], timeout: TimeSpan.FromMinutes(30));
            TestContext.Out.WriteLine($"shard {index}/3: exit {shard.ExitCode}");
        }

        var merge = await HarnessProcess.RunAsync(
            ["merge", .. Enumerable.Range(1, 3).Select(i => Path.Combine(shards, $"{RunId}-shard-{i}-of-3")), "--results", _scratch.File("merged")]);

        var unsharded = Read(Path.Combine(_scratch.File("whole"), "latest"));
        var merged = Read(Path.Combine(_scratch.File("merged"), "latest"));
        TestContext.Out.WriteLine(merge.Output);
        Assert.Multiple(() =>
        {
            Assert.That(whole.ExitCode, Is.EqualTo(0), whole.Output + whole.Errors);
            Assert.That(merge.ExitCode, Is.EqualTo(whole.ExitCode), merge.Output + merge.Errors);
            Assert.That(ResultTable.From(merged).Header, Is.EqualTo(ResultTable.From(unsharded).Header));
            Assert.That(Cells(merged), Is.EqualTo(Cells(unsharded)));
            Assert.That(merged.Kernels.Select(k => k.Scenarios.Single(s => s.Scenario == ScenarioNames.NodeIdMmCid).Outcome),
                Is.EqualTo(new[] { ScenarioVerdict.Skip, ScenarioVerdict.Skip, ScenarioVerdict.Pass }));
            Assert.That(merged.MergedShards.Select(s => s.Kernels.Single()), Is.EqualTo(new[] { "bullseye-5.10", "bookworm-6.1", "trixie-6.12" }));
            Assert.That(merged.MergedShards.Select(s => s.Vm.QemuVersion), Is.All.StartsWith("QEMU emulator version"));
            foreach (var kernel in merged.Kernels)
                Assert.That(File.Exists(Path.Combine(_scratch.File("merged"), "latest", kernel.ConsoleLog!)), Is.True, kernel.ConsoleLog);
        });
    }
}
