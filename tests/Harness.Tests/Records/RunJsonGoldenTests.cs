
using Harness.Records;

namespace Harness.Tests.Records;

/// <summary>
/// run.json is read by people, CI scripts and later runs: its format may change only on purpose,
/// with the schema version bumped. The golden file is the format; to change it, change the file.
/// </summary>
public class RunJsonGoldenTests
{
    static string GoldenPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Records", "Golden", "run.json");

    [Test]
    public void A_run_is_written_exactly_as_the_golden_file()
    {
        var json = RunRecordJson.Serialize(SampleRun.Full());

        Assert.That(json.ReplaceLineEndings("\n"), Is.EqualTo(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n").TrimEnd('\n')),
            $"run.json's format changed: if on purpose, bump the schema version and update {GoldenPath}");
    }

    [Test]
    public void The_golden_file_reads_back_into_a_run_that_writes_the_same_file()
    {
        var golden = File.ReadAllText(GoldenPath).ReplaceLineEndings("\n").TrimEnd('\n');

        var again = RunRecordJson.Serialize(RunRecordJson.Deserialize(golden));

        Assert.That(again.ReplaceLineEndings("\n"), Is.EqualTo(golden));
    }

    [Test]
    public void A_run_json_of_schema_2_still_reads_with_no_provenance()
    {
        var old = RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Records", "Golden", "run.v2.json")));

        Assert.That(old.SchemaVersion, Is.EqualTo(2));
        Assert.That(old.Kernels.Select(k => k.Provenance), Is.All.Null);
        Assert.That(old.Kernels[0].Scenarios[1].Outcome, Is.EqualTo(global::Protocol.ScenarioVerdict.Fail));
    }

    [Test]
    public void A_run_json_of_schema_3_still_reads_as_a_whole_run_of_an_unknown_matrix()
    {
        var old = RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Records", "Golden", "run.v3.json")));

        Assert.Multiple(() =>
        {
            Assert.That(old.SchemaVersion, Is.EqualTo(3));
            Assert.That(old.MatrixSha256, Is.Null);
            Assert.That(old.Shard, Is.Null);
            Assert.That(old.MergedShards, Is.Empty);
            Assert.That(old.Kernels.Select(k => k.Provenance), Is.All.Not.Null);
        });
    }
}
