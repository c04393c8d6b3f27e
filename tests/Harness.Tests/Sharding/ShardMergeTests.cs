using Harness.Config;
using Harness.Judging;
using Harness.Records;
using Harness.Sharding;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Sharding;

public class ShardMergeTests
{
    static readonly string[] Matrix = ["bullseye-5.10", "bookworm-6.1", "trixie-6.12", "sid"];

    static KernelResult Kernel(string name, int repeat = 1, ScenarioVerdict verdict = ScenarioVerdict.Pass) => new(
        name, repeat, "debian", null, Expectation.Pass, "6.1.0-50-amd64",
        [new ScenarioOutcome(ScenarioNames.ForkCpuId, verdict, null, new Dictionary<string, long>(), [])],
        verdict == ScenarioVerdict.Pass, null, new KernelTimings(1, true, 5, 20), VmEnd.Completed, 0, [], $"{name}.console.log", null,
        new Dictionary<string, string>(), 1);

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/> as a run with --shard would record it (round-robin, each kernel <paramref name="repeats"/> times).</summary>
    static ShardRun Shard(int index, int count, string runId = "nightly-7", string hash = "aaaa", string host = "runner", int repeats = 1,
        IReadOnlyList<string>? matrix = null)
    {
        matrix ??= Matrix;
        var kernels = new ShardSpec(index, count).Slice(matrix)
            .SelectMany(name => Enumerable.Range(1, repeats).Select(repeat => Kernel(name, repeat))).ToList();
        var record = new RunRecord(
            RunRecord.CurrentSchemaVersion, runId, "0.1.0",
            new DateTimeOffset(2026, 11, 29, 1, index, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 2, index, 0, TimeSpan.Zero), "kernels.yaml",
            new HostInfo(host, "Debian 12", "6.1", 2), new VmEnvironment($"QEMU {index}", Accel.Tcg, "no KVM"), new GuestImageInfo($"guest{index}", true, 0),
            [ScenarioNames.ForkCpuId], kernels)
        {
            MatrixSha256 = hash,
            Shard = new ShardInfo(index, count, matrix),
        };
        return new ShardRun($"shard-{index}", record);
    }

    static string Refusal(params ShardRun[] runs) => Assert.Throws<ShardingException>(() => ShardMerge.Merge(runs))!.Message;

    [Test]
    public void The_kernels_of_the_shards_come_back_in_the_matrix_order_with_every_repeat()
    {
        var merged = ShardMerge.Merge([Shard(3, 3, repeats: 2), Shard(1, 3, repeats: 2), Shard(2, 3, repeats: 2)]);

        Assert.That(merged.Kernels.Select(k => $"{k.Name}#{k.Repeat}"), Is.EqualTo(new[]
        {
            "bullseye-5.10#1", "bullseye-5.10#2", "bookworm-6.1#1", "bookworm-6.1#2", "trixie-6.12#1", "trixie-6.12#2", "sid#1", "sid#2",
        }));
        Assert.That(merged.RunId, Is.EqualTo("nightly-7"));
        Assert.That(merged.Shard, Is.Null);
        Assert.That(merged.MatrixSha256, Is.EqualTo("aaaa"));
    }

    [Test]
    public void Each_shard_keeps_its_own_environment_and_the_run_spans_them_all()
    {
        var merged = ShardMerge.Merge([Shard(1, 2, host: "runner-a"), Shard(2, 2, host: "runner-b")]);

        Assert.That(merged.MergedShards.Select(s => (s.Index, s.Host.Name, s.Vm.QemuVersion, s.Guest.ContentHash)),
            Is.EqualTo(new[] { (1, "runner-a", "QEMU 1", "guest1"), (2, "runner-b", "QEMU 2", "guest2") }));
        Assert.That(merged.MergedShards.Select(s => s.Kernels), Is.EqualTo(new[] { new[] { "bullseye-5.10", "trixie-6.12" }, new[] { "bookworm-6.1", "sid" } }));
        Assert.That(merged.Started, Is.EqualTo(new DateTimeOffset(2026, 11, 29, 1, 1, 0, TimeSpan.Zero)));
        Assert.That(merged.Finished, Is.EqualTo(new DateTimeOffset(2026, 11, 29, 2, 2, 0, TimeSpan.Zero)));
    }

    [Test]
    public void A_missing_shard_is_refused_and_named()
    {
        Assert.That(Refusal(Shard(1, 3), Shard(3, 3)), Is.EqualTo("shard 2/3 missing (given: 1/3, 3/3)"));
    }

    [Test]
    public void A_shard_given_twice_is_refused()
    {
        Assert.That(Refusal(Shard(1, 2), Shard(2, 2), Shard(2, 2) with { Folder = "copy" }), Is.EqualTo("shard 2/2 given twice: shard-2 and copy"));
    }

    [Test]
    public void Shards_of_another_run_id_are_refused()
    {
        Assert.That(Refusal(Shard(1, 2), Shard(2, 2, runId: "nightly-8")), Does.StartWith("shard-2: run id 'nightly-8', not 'nightly-7'"));
    }

    [Test]
    public void Shards_of_another_matrix_are_refused()
    {
        Assert.That(Refusal(Shard(1, 2), Shard(2, 2, hash: "bbbb")), Does.StartWith("shard-2: cut from another matrix than shard-1"));
    }

    [Test]
    public void Shards_of_another_count_are_refused()
    {
        Assert.That(Refusal(Shard(1, 2), Shard(2, 3)), Does.StartWith("shard-2: shard 2/3 of 3, while shard-1 is shard 1/2 of 2"));
    }

    [Test]
    public void A_run_without_shard_is_refused()
    {
        var whole = Shard(1, 1);
        whole = whole with { Record = whole.Record with { Shard = null } };

        Assert.That(Refusal(whole), Does.StartWith("shard-1: not a shard"));
    }

    [Test]
    public void A_kernel_that_no_shard_ran_is_refused()
    {
        var second = Shard(2, 2);
        second = second with { Record = second.Record with { Kernels = second.Record.Kernels.Where(k => k.Name != "sid").ToList() } };

        Assert.That(Refusal(Shard(1, 2), second), Is.EqualTo("no shard has a result for 'sid'"));
    }

    [Test]
    public void A_kernel_in_two_shards_is_refused()
    {
        var second = Shard(2, 2);
        second = second with { Record = second.Record with { Kernels = [.. second.Record.Kernels, Kernel("trixie-6.12")] } };

        Assert.That(Refusal(Shard(1, 2), second), Is.EqualTo("kernel 'trixie-6.12' is in two shards: shard-1 and shard-2"));
    }
}
