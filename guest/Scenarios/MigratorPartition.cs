namespace Guest.Scenarios;

/// <summary>
/// Shares the workers of migration_storm and cs_abort out among their migrators, so that each worker
/// has exactly one.
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
