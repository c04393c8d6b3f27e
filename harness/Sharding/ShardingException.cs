namespace Harness.Sharding;

/// <summary>
/// A shard that cannot be run (an empty slice) or shards that cannot be merged (another matrix,
/// another run id, one missing or given twice, an unreadable run.json): the input's fault, one line.
/// </summary>
public sealed class ShardingException(string message) : Exception(message);
