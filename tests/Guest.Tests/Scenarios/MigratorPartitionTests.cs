using Guest.Scenarios;

namespace Guest.Tests.Scenarios;

public class MigratorPartitionTests
{
    [TestCase(1, 1)]
    [TestCase(2, 1)]
    [TestCase(3, 1)]
    [TestCase(4, 2)]
    [TestCase(5, 2)]
    [TestCase(8, 4)]
    public void There_is_one_migrator_per_two_workers_and_never_none(int workers, int migrators)
    {
        Assert.That(MigratorPartition.MigratorsFor(workers), Is.EqualTo(migrators));
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(9)]
    public void Every_worker_has_exactly_one_migrator_and_no_migrator_is_idle(int workers)
    {
        // Two migrators re-pinning one worker would interleave their sequence bumps, and the worker
        // could take a raced round for a quiet one.
        var indexes = Enumerable.Range(0, workers).ToArray();

        var parts = MigratorPartition.Of(indexes, MigratorPartition.MigratorsFor(workers));

        Assert.That(parts.SelectMany(part => part).Order(), Is.EqualTo(indexes));
        Assert.That(parts, Has.All.Not.Empty);
    }
}
