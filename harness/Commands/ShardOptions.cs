using System.CommandLine;
using Harness.Sharding;

namespace Harness.Commands;

/// <summary><c>run</c>'s options for one CI job among several: <c>--shard I/N</c> and <c>--run-id ID</c>.</summary>
public sealed class ShardOptions
{
    public ShardOptions()
    {
        Shard.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !ShardSpec.TryParse(text, out _, out var problem))
                result.AddError(problem!);
        });
        RunId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } id && RunIds.Problem(id) is { } problem)
                result.AddError(problem);
        });
    }

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Run only slice I of N of the matrix (kernels dealt round-robin in the file's order), for one of N CI jobs; 'harness merge' joins the slices.",
        HelpName = "I/N",
    };

    public Option<string?> RunId { get; } = new("--run-id")
    {
        Description = "The run's id, shared by the shards of one night (recorded in run.json, names the run folder); default: the start time.",
        HelpName = "ID",
    };

    public IEnumerable<Option> All => [Shard, RunId];

    public ShardSpec? ReadShard(ParseResult parse) =>
        parse.GetValue(Shard) is { } text && ShardSpec.TryParse(text, out var shard, out _) ? shard : null;

    public string? ReadRunId(ParseResult parse) => parse.GetValue(RunId);
}
