using System.Text.Json;
using Harness.Records;

namespace Harness.Sharding;

/// <summary>One shard's run folder as given to <c>harness merge</c>, and the record its run.json holds.</summary>
/// <param name="Folder">The folder as given on the command line (messages name it so).</param>
public sealed record ShardRun(string Folder, RunRecord Record)
{
    public string RunJson => Path.Combine(Folder, "run.json");

    /// <exception cref="ShardingException">The folder or its run.json is missing, or run.json cannot be read as one.</exception>
    public static ShardRun Read(string folder)
    {
        var runJson = Path.Combine(folder, "run.json");
        if (!Directory.Exists(folder))
            throw new ShardingException($"{folder}: no such run folder");
        string text;
        try
        {
            text = File.ReadAllText(runJson);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ShardingException($"{runJson}: cannot be read ({OneLine(exception.Message)})");
        }
        try
        {
            return new ShardRun(folder, RunRecordJson.Deserialize(text));
        }
        catch (JsonException exception) when (exception.LineNumber is { } line)
        {
            throw new ShardingException($"{runJson}:{line + 1}:{(exception.BytePositionInLine ?? 0) + 1}: not a readable run.json ({FirstSentence(exception.Message)})");
        }
        // Words that are no outcome, or an object or list the file lacks altogether (a truncated or
        // hand-made file): the mapping finds those after parsing, where no line is known.
        catch (Exception exception) when (exception is JsonException or ArgumentException or NullReferenceException)
        {
            throw new ShardingException($"{runJson}: not a readable run.json ({FirstSentence(exception.Message)})");
        }
    }

    static string FirstSentence(string message) => OneLine(message.Split(" Path: ")[0]).TrimEnd('.');

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
