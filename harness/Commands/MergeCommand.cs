using System.CommandLine;
using Harness.Records;
using Harness.Reports;
using Harness.Sharding;

namespace Harness.Commands;

/// <summary><c>harness merge</c>: joins the run folders of a run's shards into one run folder with one table.</summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("RUN_DIR") { Description = "The run folders of every shard of one run (each made by 'harness run --shard I/N --run-id ID').", Arity = ArgumentArity.OneOrMore };
        var results = CommonOptions.Results();
        var command = new Command("merge", "Join the shards of one run (same --run-id, same matrix, every shard once) into one run folder: one run.json, the same summaries as a run, every log, each shard's environment.")
        {
            folders,
            results,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var shards = parse.GetValue(folders)!.Select(ShardRun.Read).ToList();
            var record = ShardMerge.Merge(shards);
            var written = TableExporter.Standard.Select(e => e.FileName).Append("run.json").ToHashSet(StringComparer.Ordinal);
            var files = ShardFiles.Plan(shards, written);

            var resultsRoot = Path.GetFullPath(parse.GetValue(results) ?? RepositoryLayout.Locate().DefaultResults);
            var folder = RunFolder.Create(resultsRoot, TimeProvider.System.GetUtcNow(), TableExporter.Standard, record.RunId, record.MatrixSha256);
            files.CopyInto(folder, cancellationToken);
            await folder.WriteAsync(record, cancellationToken);
            await StepSummary.AppendAsync(record, cancellationToken);

            return RunEnding.Print(record, $"merged {shards.Count} shards of run {record.RunId}: {folder.Path}");
        });
        return command;
    }
}
