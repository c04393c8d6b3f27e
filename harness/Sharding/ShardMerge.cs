using Harness.Records;

namespace Harness.Sharding;

/// <summary>
/// The shards of one run joined into the record an unsharded run of the same matrix would have
/// written: the kernels in the matrix's order, every attempt of each, and each shard's environment
/// (host, QEMU, accelerator, guest image) kept beside them. Refuses anything that would make the
/// joined table lie: shards of another run or matrix, a shard given twice or missing, a kernel in
/// two shards or in none.
/// </summary>
public static class ShardMerge
{
    /// <exception cref="ShardingException">The shards do not make one whole run; the message says which and why.</exception>
    public static RunRecord Merge(IReadOnlyList<ShardRun> runs)
    {
        if (runs.Count == 0)
            throw new ShardingException("merge needs the run folders of the shards");
        foreach (var run in runs)
        {
            if (run.Record.Shard is null)
                throw new ShardingException($"{run.Folder}: not a shard (its run.json has no shard; run with --shard I/N)");
        }
        var first = runs[0];
        var firstShard = first.Record.Shard!;
        foreach (var run in runs.Skip(1))
        {
            var shard = run.Record.Shard!;
            if (run.Record.RunId != first.Record.RunId)
                throw new ShardingException($"{run.Folder}: run id '{run.Record.RunId}', not '{first.Record.RunId}' as {first.Folder} (give every shard the same --run-id)");
            if (shard.Count != firstShard.Count)
                throw new ShardingException($"{run.Folder}: shard {shard} of {shard.Count}, while {first.Folder} is shard {firstShard} of {firstShard.Count}");
            if (run.Record.MatrixSha256 != first.Record.MatrixSha256 || !shard.MatrixKernels.SequenceEqual(firstShard.MatrixKernels))
                throw new ShardingException($"{run.Folder}: cut from another matrix than {first.Folder} (matrix {Short(run.Record.MatrixSha256)}, not {Short(first.Record.MatrixSha256)})");
        }
        var duplicate = runs.GroupBy(r => r.Record.Shard!.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ShardingException($"shard {duplicate.Key}/{firstShard.Count} given twice: {string.Join(" and ", duplicate.Select(r => r.Folder))}");
        var missing = Enumerable.Range(1, firstShard.Count).Where(i => runs.All(r => r.Record.Shard!.Index != i)).ToList();
        if (missing.Count > 0)
            throw new ShardingException($"{(missing.Count == 1 ? "shard" : "shards")} {string.Join(", ", missing.Select(i => $"{i}/{firstShard.Count}"))} missing (given: {string.Join(", ", runs.Select(r => r.Record.Shard!.ToString()).Order())})");

        var ordered = runs.OrderBy(r => r.Record.Shard!.Index).ToList();
        var order = firstShard.MatrixKernels.Select((name, position) => (name, position)).ToDictionary(p => p.name, p => p.position);
        CheckEveryKernelOnce(ordered, order);

        var kernels = ordered.SelectMany(r => r.Record.Kernels).OrderBy(k => order[k.Name]).ThenBy(k => k.Repeat).ToList();
        var lead = ordered[0].Record;
        return new RunRecord(
            RunRecord.CurrentSchemaVersion, lead.RunId, lead.HarnessVersion,
            ordered.Min(r => r.Record.Started), ordered.Max(r => r.Record.Finished), lead.MatrixFile,
            lead.Host, lead.Vm, lead.Guest,
            ordered.SelectMany(r => r.Record.Scenarios).Distinct().ToList(),
            kernels)
        {
            MatrixSha256 = lead.MatrixSha256,
            MergedShards = ordered.Select(r => new MergedShard(
                r.Record.Shard!.Index, r.Record.Shard.Count, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(r.Folder))),
                r.Record.HarnessVersion, r.Record.Started, r.Record.Finished, r.Record.Host, r.Record.Vm, r.Record.Guest,
                r.Record.Kernels.Select(k => k.Name).Distinct().ToList())).ToList(),
        };
    }

    static void CheckEveryKernelOnce(IReadOnlyList<ShardRun> runs, IReadOnlyDictionary<string, int> order)
    {
        var owner = new Dictionary<string, ShardRun>();
        foreach (var run in runs)
        {
            foreach (var name in run.Record.Kernels.Select(k => k.Name).Distinct())
            {
                if (!order.ContainsKey(name))
                    throw new ShardingException($"{run.Folder}: kernel '{name}' is not in the matrix its shard was cut from");
                if (owner.TryGetValue(name, out var other))
                    throw new ShardingException($"kernel '{name}' is in two shards: {other.Folder} and {run.Folder}");
                owner[name] = run;
            }
        }
        var absent = order.Keys.Where(name => !owner.ContainsKey(name)).ToList();
        if (absent.Count > 0)
            throw new ShardingException($"no shard has a result for {string.Join(", ", absent.Select(n => $"'{n}'"))}");
    }

    static string Short(string? hash) => hash is null ? "unknown" : hash[..Math.Min(12, hash.Length)];
}
