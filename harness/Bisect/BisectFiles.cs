using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Storage;

namespace Harness.Bisect;

/// <summary>Writes bisect.json (snake_case, schema_version) and bisect.md into the bisect's run folder.</summary>
public static class BisectFiles
{
    public const string JsonName = "bisect.json";
    public const string MarkdownName = "bisect.md";

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(BisectReport report) => JsonSerializer.Serialize(report, Json);

    public static async Task WriteAsync(string folder, BisectReport report, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAllTextAsync(Path.Combine(folder, JsonName), Serialize(report), cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(folder, MarkdownName), BisectMarkdown.Render(report), cancellationToken);
    }
}
