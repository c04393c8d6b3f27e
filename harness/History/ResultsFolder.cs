namespace Harness.History;

/// <summary>
/// The runs of a results folder: every folder directly in it that holds a run.json, oldest first.
/// <c>latest</c> (a link to one of them) and hidden entries (a half-written link, temporary files)
/// are passed over in silence. A folder without run.json (a soak's, a bisect's) and a run.json that
/// cannot be read are skipped and reported: one bad or outdated night must not stop the history
/// of all the others from being published.
/// </summary>
public static class ResultsFolder
{
    public const string LatestLink = "latest";

    public sealed record Contents(IReadOnlyList<RecordedRun> Runs, IReadOnlyList<SkippedFolder> Skipped);

    /// <exception cref="HistoryInputException">The folder does not exist.</exception>
    public static Contents Read(string resultsRoot)
    {
        if (!Directory.Exists(resultsRoot))
            throw new HistoryInputException($"{resultsRoot}: no such results folder");
        var runs = new List<RecordedRun>();
        var skipped = new List<SkippedFolder>();
        var folders = Directory.EnumerateDirectories(resultsRoot)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != LatestLink && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal);
        foreach (var name in folders)
        {
            if (!File.Exists(Path.Combine(resultsRoot, name, RunReader.FileName)))
            {
                skipped.Add(new SkippedFolder(name, "no run.json"));
                continue;
            }
            try
            {
                runs.Add(RunReader.Read(Path.Combine(resultsRoot, name), shownAs: $"{name}/{RunReader.FileName}"));
            }
            catch (HistoryInputException exception)
            {
                skipped.Add(new SkippedFolder(name, exception.Message));
            }
        }
        var oldestFirst = runs.OrderBy(run => run.Record.Started).ThenBy(run => run.Name, StringComparer.Ordinal).ToList();
        return new Contents(oldestFirst, skipped);
    }
}
