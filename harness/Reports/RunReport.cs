using System.Text.Json;
using Harness.Records;
using Harness.Storage;

namespace Harness.Reports;

/// <summary>
/// Renders a run folder's files again from its run.json alone (<c>harness report</c>): after a
/// harness upgrade brought a new format, or to publish a run made elsewhere. Every file is rendered
/// before any is written, and each is written atomically, so a bad run.json or a renderer's failure
/// leaves the folder as it was and a full disk leaves each file old or new, never half.
/// </summary>
public static class RunReport
{
    public const string RunJson = "run.json";

    /// <summary>The oldest run.json this harness reads: schema 1 spelled <c>expect</c> as a bare word.</summary>
    public const int OldestSchema = 2;

    /// <returns>The files written, by name, in the exporters' order.</returns>
    /// <exception cref="RunFolderException">The folder or its run.json cannot be read; nothing was written.</exception>
    public static async Task<IReadOnlyList<string>> RenderAsync(string runFolder, IReadOnlyList<IRunExporter> exporters, CancellationToken cancellationToken)
    {
        var run = Read(runFolder);
        var files = exporters.Select(exporter => (exporter.FileName, Text: exporter.Render(run))).ToList();
        foreach (var (name, text) in files)
            await AtomicFile.WriteAllTextAsync(Path.Combine(runFolder, name), text, cancellationToken);
        return files.Select(f => f.FileName).ToList();
    }

    /// <exception cref="RunFolderException">The folder or its run.json cannot be read.</exception>
    public static RunRecord Read(string runFolder)
    {
        if (!Directory.Exists(runFolder))
            throw new RunFolderException(File.Exists(runFolder)
                ? $"{runFolder}: not a folder (give a run folder, such as results/latest)"
                : $"{runFolder}: no such folder");
        var path = Path.Combine(runFolder, RunJson);
        if (!File.Exists(path))
            throw new RunFolderException($"{path}: not found ({runFolder} is not a run folder)");
        var json = File.ReadAllText(path);
        try
        {
            CheckSchema(path, json);
            return RunRecordJson.Deserialize(json);
        }
        catch (JsonException exception)
        {
            throw new RunFolderException($"{Where(path, exception)}: {Message(exception)}");
        }
        // A field the file lacks reaches the mapping as null (System.Text.Json does not require
        // constructor parameters, and must not: schema 2 has no provenance).
        catch (Exception exception) when (exception is NullReferenceException or ArgumentNullException)
        {
            throw new RunFolderException($"{path}: not a run.json this harness can read (a field it needs is missing)");
        }
    }

    static void CheckSchema(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("schema_version", out var version)
            || !version.TryGetInt32(out var schema))
            throw new RunFolderException($"{path}: not a run.json (no schema_version)");
        if (schema is < OldestSchema or > RunRecord.CurrentSchemaVersion)
            throw new RunFolderException(
                $"{path}: schema {schema}, and this harness reads schemas {OldestSchema} to {RunRecord.CurrentSchemaVersion}" +
                (schema > RunRecord.CurrentSchemaVersion ? " (written by a newer harness)" : ""));
    }

    /// <summary>The file with the 1-based line and column of the fault, where System.Text.Json knows them.</summary>
    static string Where(string path, JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } column ? $"{path}:{line + 1}:{column + 1}" : path;

    /// <summary>The message without the position System.Text.Json appends to it ("Path: $ | LineNumber: 0 | …", or "LineNumber: …" alone), which <see cref="Where"/> gives.</summary>
    static string Message(JsonException exception)
    {
        var message = exception.Message.ReplaceLineEndings(" ");
        var position = new[] { " Path: ", " LineNumber: " }.Select(marker => message.IndexOf(marker, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(message.Length).Min();
        return message[..position].Trim().TrimEnd('.');
    }
}
