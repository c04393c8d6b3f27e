using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Records;

/// <summary>run.json's serialisation: snake_case keys and outcome words in capitals, as in the tables.</summary>
public static class RunRecordJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static string Serialize(RunRecord record) => JsonSerializer.Serialize(record, Options);

    public static RunRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<RunRecord>(json, Options) ?? throw new JsonException("run.json is empty");
}
