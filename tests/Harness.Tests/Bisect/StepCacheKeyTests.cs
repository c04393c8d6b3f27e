using Harness.Judging;
using Harness.Bisect;

namespace Harness.Tests.Bisect;

public class StepCacheKeyTests
{
    static readonly StepCacheKey Base = new("tree1", [1, 2], [], "gcc 12", ["fork_cpu_id"], "0.1.0", Repeats: 1, Cpus: 4, GuestSeconds: 3);

    [Test]
    public void The_same_inputs_give_the_same_key() =>
        Assert.That(Base with { Fragment = [1, 2], Scenarios = ["fork_cpu_id"] }, Has.Property(nameof(StepCacheKey.Value)).EqualTo(Base.Value));

    [Test]
    public void The_order_scenarios_are_named_in_does_not_change_the_key() =>
        Assert.That((Base with { Scenarios = ["b", "a"] }).Value, Is.EqualTo((Base with { Scenarios = ["a", "b"] }).Value));

    [Test]
    public void Every_input_that_decides_the_outcome_changes_the_key()
    {
        var variants = new[]
        {
            Base with { TreeHash = "tree2" },
            Base with { Fragment = [1, 3] },
            Base with { Patches = [[9]] },
            Base with { Compiler = "gcc 13" },
            Base with { Scenarios = ["affinity_pin"] },
            Base with { HarnessVersion = "0.2.0" },
            Base with { Repeats = 4 },
            Base with { Cpus = 2 },
            Base with { GuestSeconds = 5 },
            Base with { Depth = "Deep" },
            Base with { StressMultiple = 20 },
        };
        Assert.That(variants.Select(v => v.Value).Append(Base.Value).Distinct().Count(), Is.EqualTo(variants.Length + 1));
    }

    [Test]
    public void Fields_cannot_run_into_each_other() =>
        Assert.That((Base with { TreeHash = "ab", Compiler = "c" }).Value, Is.Not.EqualTo((Base with { TreeHash = "a", Compiler = "bc" }).Value));

    [Test]
    public async Task A_stored_outcome_comes_back_marked_as_from_the_cache()
    {
        var cacheRoot = Directory.CreateTempSubdirectory("outcome-cache-").FullName;
        try
        {
            var cache = new OutcomeCache(cacheRoot);
            var record = new StepRecord(new string('a', 40), "subject", "A <a@b>", KernelJudgement.Bad, "1 of 1 boots failed", 12, 40, [], ["x.console.log"]);
            Assert.That(await cache.FindAsync(Base, CancellationToken.None), Is.Null);
            await cache.StoreAsync(Base, record, CancellationToken.None);
            var found = await cache.FindAsync(Base, CancellationToken.None);
            Assert.That(found, Is.Not.Null);
            Assert.That(found!.FromCache, Is.True);
            Assert.That(found.Verdict, Is.EqualTo(KernelJudgement.Bad));
            Assert.That(await cache.FindAsync(Base with { Repeats = 2 }, CancellationToken.None), Is.Null);
        }
        finally
        {
            Directory.Delete(cacheRoot, recursive: true);
        }
    }
}
