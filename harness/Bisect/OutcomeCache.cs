using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Storage;

namespace Harness.Bisect;

/// <summary>
/// The outcome of every step, by <see cref="StepCacheKey"/>, in &lt;cache&gt;/bisect/outcomes/:
/// a bisect run again (the same range, or an overlapping one) replays the commits it has seen.
/// </summary>
public sealed class OutcomeCache(string cacheRoot)
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    string PathOf(StepCacheKey key) => Path.Combine(cacheRoot, "bisect", "outcomes", key.Value + ".json");

    /// <summary>The cached record marked as from the cache; null when there is none or it cannot be read.</summary>
    public async Task<StepRecord?> FindAsync(StepCacheKey key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
            return null;
        try
        {
            var record = JsonSerializer.Deserialize<StepRecord>(await File.ReadAllTextAsync(path, cancellationToken), Json);
            return record is null ? null : record with { FromCache = true };
        }
        // A damaged entry is a step to run again, never a reason to stop the bisect.
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task StoreAsync(StepCacheKey key, StepRecord record, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(record with { FromCache = false }, Json), cancellationToken);
    }
}
