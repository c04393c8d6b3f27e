namespace Guest.Scenarios;

/// <summary>
/// Shares migration_storm's workers out among its migrators, so that each worker has exactly one.
/// (cs_abort keeps one migrator: a second one under TCG moved workers 8 to 27 times as often, but
/// those were mostly workers waiting for a CPU, and its 100 aborts came no sooner, on sid and bookworm.)
/// </summary>
internal static class MigratorPartition
{
    /// <summary>One migrator per two workers, at least one.</summary>
    public static int MigratorsFor(int workers) => Math.Max(1, workers / 2);

    /// <summary>
    /// Worker i goes to migrator i mod <paramref name="migrators"/>: every worker in exactly one part,
    /// no part empty while there are at least as many workers as migrators.
    /// </summary>
    public static IReadOnlyList<T[]> Of<T>(IReadOnlyList<T> workers, int migrators) =>
        [.. Enumerable.Range(0, migrators).Select(part => workers.Where((_, index) => index % migrators == part).ToArray())];
}
