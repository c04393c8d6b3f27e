using System.Text.Json;
using System.Text.Json.Serialization;
using Protocol;

namespace Harness.Soak;

/// <summary>
/// soak.json: its own versioned types, so the report's internal records can change without changing
/// the file; snake_case keys and outcome words in capitals, as in run.json.
/// </summary>
public static class SoakJson
{
    public const int CurrentSchemaVersion = 1;

    static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static string Serialize(SoakReport report) => JsonSerializer.Serialize(SoakFile.From(report), Options);

    public static SoakFile Deserialize(string json) =>
        JsonSerializer.Deserialize<SoakFile>(json, Options) ?? throw new JsonException("soak.json is empty");
}

/// <summary>The whole of soak.json.</summary>
public sealed record SoakFile(
    int SchemaVersion,
    string MatrixFile,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    double AskedSeconds,
    bool Interrupted,
    string QemuVersion,
    string Accel,
    int RoundsRun,
    IReadOnlyList<SoakFileChange> Changes,
    IReadOnlyList<SoakFileRound> Rounds,
    SoakFileFootprint Start,
    SoakFileFootprint End)
{
    public static SoakFile From(SoakReport report) => new(
        SoakJson.CurrentSchemaVersion,
        report.MatrixFile,
        report.Started,
        report.Finished,
        report.Asked.TotalSeconds,
        report.Interrupted,
        report.QemuVersion,
        report.Accel,
        report.Rounds.Count,
        [.. report.Changes.Select(c => new SoakFileChange(c.Kernel, c.Scenario,
            [.. c.Spans.Select(s => new SoakFileSpan(s.FirstRound, s.LastRound, s.Outcome, s.Reason))]))],
        [.. report.Rounds.Select(r => new SoakFileRound(r.Number, r.RunFolder, r.Elapsed.TotalSeconds, r.AllMetExpectation, SoakFileFootprint.From(r.After)))],
        SoakFileFootprint.From(report.Start),
        SoakFileFootprint.From(report.End));
}

/// <summary>A cell whose outcome changed, as stretches of rounds with one outcome each.</summary>
public sealed record SoakFileChange(string Kernel, string Scenario, IReadOnlyList<SoakFileSpan> Spans);

/// <param name="Outcome">Null when the cell had no outcome in those rounds.</param>
public sealed record SoakFileSpan(int FirstRound, int LastRound, ScenarioVerdict? Outcome, string? Reason);

/// <param name="RunFolder">Relative to the soak folder; its run.json has every outcome of the round.</param>
public sealed record SoakFileRound(int Number, string RunFolder, double Seconds, bool AllMetExpectation, SoakFileFootprint After);

public sealed record SoakFileFootprint(long WorkingSetBytes, long GcHeapBytes, int OpenFileDescriptors)
{
    public static SoakFileFootprint From(ProcessFootprint footprint) =>
        new(footprint.WorkingSetBytes, footprint.GcHeapBytes, footprint.OpenFileDescriptors);
}
