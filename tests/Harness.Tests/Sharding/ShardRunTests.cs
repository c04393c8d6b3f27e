using Harness.Sharding;

namespace Harness.Tests.Sharding;

public class ShardRunTests
{
    ScratchFolder _scratch = null!;

    [SetUp]
    public void Create() => _scratch = new ScratchFolder();

    [TearDown]
    public void Remove() => _scratch.Dispose();

    [Test]
    public void A_folder_that_does_not_exist_is_named()
    {
        var folder = _scratch.File("nowhere");

        Assert.That(() => ShardRun.Read(folder), Throws.TypeOf<ShardingException>().With.Message.EqualTo($"{folder}: no such run folder"));
    }

    [Test]
    public void A_folder_without_run_json_is_named()
    {
        Assert.That(() => ShardRun.Read(_scratch.Path),
            Throws.TypeOf<ShardingException>().With.Message.StartsWith($"{_scratch.File("run.json")}: cannot be read"));
    }

    [Test]
    public void A_run_json_that_is_not_json_is_named_with_its_line_and_column()
    {
        _scratch.Write("run.json", "{\n  \"schema_version\": 4,\n  \"run_id\": oops\n}");

        Assert.That(() => ShardRun.Read(_scratch.Path),
            Throws.TypeOf<ShardingException>().With.Message.StartsWith($"{_scratch.File("run.json")}:3:13: not a readable run.json"));
    }

    [Test]
    public void A_run_json_that_lacks_what_a_run_records_is_refused_in_one_line()
    {
        _scratch.Write("run.json", "{\"schema_version\": 4, \"run_id\": \"x\"}");

        Assert.That(() => ShardRun.Read(_scratch.Path),
            Throws.TypeOf<ShardingException>().With.Message.StartsWith($"{_scratch.File("run.json")}: not a readable run.json").And.Message.Not.Contain("\n"));
    }
}
