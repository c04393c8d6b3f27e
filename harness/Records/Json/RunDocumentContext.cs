using System.Text.Json.Serialization;

namespace Harness.Records.Json;

/// <summary>
/// run.json's serialiser, generated at compile time: snake_case keys, every field written (null
/// included), indented for people reading the file.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RunDocument))]
public sealed partial class RunDocumentContext : JsonSerializerContext;
