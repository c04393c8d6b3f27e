using Harness.Sharding;

namespace Harness.Tests.Sharding;

public class ShardSpecTests
{
    [TestCase("1/3", 1, 3)]
    [TestCase("3/3", 3, 3)]
    [TestCase("1/1", 1, 1)]
    [TestCase(" 2 / 7 ", 2, 7)]
    public void A_slice_of_the_form_i_of_n_is_read(string text, int index, int count)
    {
        Assert.That(ShardSpec.TryParse(text, out var shard, out var problem), Is.True, problem);
        Assert.That(shard, Is.EqualTo(new ShardSpec(index, count)));
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("x")]
    [TestCase("1/0")]
    [TestCase("-1/3")]
    [TestCase("1/3/5")]
    [TestCase("")]
    [TestCase("1/257")]
    public void Anything_else_is_refused_with_one_line(string text)
    {
        Assert.That(ShardSpec.TryParse(text, out var shard, out var problem), Is.False);
        Assert.That(shard, Is.Null);
        Assert.That(problem, Does.StartWith("--shard").And.Not.Contain("\n"));
    }

    [Test]
    public void Every_kernel_lands_in_exactly_one_slice_and_the_slices_differ_by_one_at_most()
    {
        var kernels = Enumerable.Range(1, 11).Select(i => $"k{i}").ToList();

        var slices = Enumerable.Range(1, 3).Select(i => new ShardSpec(i, 3).Slice(kernels)).ToList();

        Assert.That(slices.SelectMany(s => s), Is.EquivalentTo(kernels));
        Assert.That(slices.Select(s => s.Count), Is.EqualTo(new[] { 4, 4, 3 }));
        Assert.That(slices[1], Is.EqualTo(new[] { "k2", "k5", "k8", "k11" }));
    }

    [Test]
    public void The_same_matrix_always_gives_the_same_slices()
    {
        var kernels = new[] { "sid", "bookworm-6.1", "trixie-6.12", "bullseye-5.10" };

        Assert.That(new ShardSpec(2, 2).Slice(kernels), Is.EqualTo(new ShardSpec(2, 2).Slice(kernels.ToList())));
        Assert.That(new ShardSpec(2, 2).Slice(kernels), Is.EqualTo(new[] { "bookworm-6.1", "bullseye-5.10" }));
    }

    [TestCase("nightly-2026-11-29.1", true)]
    [TestCase("12345678", true)]
    [TestCase("../up", false)]
    [TestCase("-x", false)]
    [TestCase(".hidden", false)]
    [TestCase("a b", false)]
    [TestCase("a/b", false)]
    [TestCase("latest", false)]
    public void A_run_id_must_be_a_plain_folder_name(string id, bool accepted)
    {
        Assert.That(RunIds.Problem(id) is null, Is.EqualTo(accepted));
    }
}
