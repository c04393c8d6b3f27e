using System.Text.Json;
using Harness.Records;

namespace Harness.History;

/// <summary>Reads one run folder's run.json through <see cref="RunRecordJson"/>, the one reader of the format, so every schema it reads is read here too.</summary>
public static class RunReader
{
    public const string FileName = "run.json";

    /// <param name="path">A run folder, or its run.json itself.</param>
    /// <param name="shownAs">How messages name the run.json: by default its path as given.</param>
    /// <exception cref="HistoryInputException">No such folder or file, or the file is not a run.json this harness reads.</exception>
    public static RecordedRun Read(string path, string? shownAs = null)
    {
        var full = Path.GetFullPath(path);
        var (folder, file) = File.Exists(full) && !Directory.Exists(full)
            ? (Path.GetDirectoryName(full) ?? full, full)
            : (full, Path.Combine(full, FileName));
        var shown = shownAs ?? (file == full ? path : Path.Combine(path, FileName));
        if (!Directory.Exists(folder))
            throw new HistoryInputException($"{path}: no such run folder");
        if (!File.Exists(file))
            throw new HistoryInputException($"{shown}: not found (not a run folder)");
        return new RecordedRun(folder, Parse(file, shown));
    }

    static RunRecord Parse(string file, string shown)
    {
        var json = File.ReadAllText(file);
        try
        {
            return RunRecordJson.Deserialize(json);
        }
        catch (JsonException exception)
        {
            throw new HistoryInputException($"{Where(shown, exception)}: not a run.json this harness reads ({SchemaOf(json)}{Reason(exception)})");
        }
        // A record the mapping cannot build (a required list left out of a hand-edited file) is the file's fault too.
        catch (Exception exception) when (exception is ArgumentException or NullReferenceException or InvalidOperationException)
        {
            throw new HistoryInputException($"{shown}: not a run.json this harness reads ({OneLine(exception.Message)})");
        }
    }

    /// <summary>The file's schema_version when it has one, since an older or newer schema is the usual reason a run does not read.</summary>
    static string SchemaOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("schema_version", out var version) && version.TryGetInt32(out var number)
                ? $"schema_version {number}, this harness writes {RunRecord.CurrentSchemaVersion}: "
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    // System.Text.Json counts lines and bytes from 0; editors count from 1.
    static string Where(string file, JsonException exception) =>
        exception.LineNumber is { } line ? $"{file}:{line + 1}:{(exception.BytePositionInLine ?? 0) + 1}" : file;

    // Its message repeats the path and position ("Path: $.kernels[0] | LineNumber: 3 | ..."): only the first part says what is wrong.
    static string Reason(JsonException exception) => OneLine(exception.Message.Split(" Path: ")[0]);

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
