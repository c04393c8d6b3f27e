using System.Globalization;
using Harness.Storage;

namespace Harness.Soak;

/// <summary>
/// results/soak-&lt;time&gt;/: the soak's report (soak.md, soak.json) beside one run folder per round,
/// apart from the run folders of <c>harness run</c>, so results/latest keeps pointing at a run.
/// </summary>
public static class SoakFolder
{
    public const string MarkdownName = "soak.md";
    public const string JsonName = "soak.json";

    public static string Create(string resultsRoot, DateTimeOffset now)
    {
        Directory.CreateDirectory(resultsRoot);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var folder = Path.Combine(resultsRoot, attempt == 1 ? $"soak-{stamp}" : $"soak-{stamp}-{attempt}");
            if (Directory.Exists(folder))
                continue;
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Writes both files, each whole or not at all (a rename), so a reader never sees half a report.</summary>
    public static async Task WriteAsync(string folder, SoakReport report, CancellationToken ct)
    {
        await AtomicFile.WriteAllTextAsync(Path.Combine(folder, MarkdownName), SoakMarkdown.Render(report), ct);
        await AtomicFile.WriteAllTextAsync(Path.Combine(folder, JsonName), SoakJson.Serialize(report), ct);
    }
}
