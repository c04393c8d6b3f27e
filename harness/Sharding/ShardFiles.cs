using Harness.Records;

namespace Harness.Sharding;

/// <summary>
/// The files a merge copies from the shards' folders into the merged one: every kernel's console and
/// KTAP logs and whatever else a run left there, under the same relative names, so run.json's paths
/// still resolve. run.json and the summaries are not copied: the merge writes its own.
/// </summary>
public sealed record ShardFiles(IReadOnlyList<(string Source, string Relative)> Files)
{
    /// <param name="written">The names the merge writes itself (run.json and the exporters' files).</param>
    /// <exception cref="ShardingException">Two shards have a file of one name: copying both would lose one.</exception>
    public static ShardFiles Plan(IReadOnlyList<ShardRun> runs, IReadOnlySet<string> written)
    {
        var files = new List<(string Source, string Relative)>();
        var from = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            foreach (var source in Directory.EnumerateFiles(run.Folder, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(run.Folder, source);
                if (written.Contains(relative))
                    continue;
                if (from.TryGetValue(relative, out var other))
                    throw new ShardingException($"both {other} and {run.Folder} have {relative}; a merge keeps every file, so it will not overwrite one with the other");
                from[relative] = run.Folder;
                files.Add((source, relative));
            }
        }
        return new ShardFiles(files);
    }

    public void CopyInto(RunFolder folder, CancellationToken cancellationToken)
    {
        foreach (var (source, relative) in Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = Path.Combine(folder.Path, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }
}
