using Harness.Storage;

namespace Harness.History;

/// <summary>Writes history.md and history.html into a folder, each whole or not at all: a history being rewritten is never seen half done.</summary>
public static class HistoryFiles
{
    /// <returns>The paths written.</returns>
    /// <exception cref="StorageException">The folder cannot be made or written (disk full, read-only, permission).</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(HistoryTable table, string outputFolder, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(outputFolder);
        }
        catch (Exception exception) when (exception is IOException and not StorageException or UnauthorizedAccessException)
        {
            throw StorageException.Creating(outputFolder, exception);
        }
        var markdown = Path.Combine(outputFolder, HistoryMarkdown.FileName);
        var html = Path.Combine(outputFolder, HistoryHtml.FileName);
        await AtomicFile.WriteAllTextAsync(markdown, HistoryMarkdown.Render(table), cancellationToken);
        await AtomicFile.WriteAllTextAsync(html, HistoryHtml.Render(table, outputFolder), cancellationToken);
        return [markdown, html];
    }
}
