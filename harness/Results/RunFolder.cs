using System.Runtime.InteropServices;

namespace Harness.Results;

/// <summary>
/// results/&lt;run-id&gt;/: a new folder per run, so nothing an earlier run wrote is ever touched,
/// and results/latest pointing at the newest complete one.
/// </summary>
public sealed class RunFolder
{
    RunFolder(string resultsRoot, string runId)
    {
        ResultsRoot = resultsRoot;
        RunId = runId;
        Path = System.IO.Path.Combine(resultsRoot, runId);
    }

    public string ResultsRoot { get; }
    public string RunId { get; }
    public string Path { get; }

    public static RunFolder Create(string resultsRoot, DateTimeOffset now)
    {
        Directory.CreateDirectory(resultsRoot);
        var baseId = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var runId = attempt == 1 ? baseId : $"{baseId}-{attempt}";
            var candidate = System.IO.Path.Combine(resultsRoot, runId);
            if (Directory.Exists(candidate))
                continue;
            Directory.CreateDirectory(candidate);
            return new RunFolder(resultsRoot, runId);
        }
    }

    /// <summary>A kernel's file, relative to the run folder (as recorded in run.json) and absolute.</summary>
    public (string Relative, string Absolute) KernelFile(string kernelName, string suffix)
    {
        var relative = $"{kernelName}.{suffix}";
        return (relative, System.IO.Path.Combine(Path, relative));
    }

    public async Task WriteAsync(RunRecord record, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(System.IO.Path.Combine(Path, "run.json"), RunRecordJson.Serialize(record), cancellationToken);
        var table = ResultTable.From(record);
        await File.WriteAllTextAsync(System.IO.Path.Combine(Path, "summary.md"), MarkdownSummary.Render(table, record.AllMetExpectation), cancellationToken);
        PointLatestHere();
    }

    /// <summary>Swaps results/latest in one rename, so a reader never finds it missing or half made.</summary>
    void PointLatestHere()
    {
        var latest = System.IO.Path.Combine(ResultsRoot, "latest");
        var temporary = System.IO.Path.Combine(ResultsRoot, $".latest-{Environment.ProcessId}");
        if (File.Exists(temporary) || Directory.Exists(temporary))
            File.Delete(temporary);
        File.CreateSymbolicLink(temporary, RunId);
        // File.Move follows the link to the run folder and refuses it; rename(2) moves the link itself.
        if (Rename(temporary, latest) != 0)
            throw new IOException($"cannot point {latest} at {RunId}: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    static extern int Rename(string oldPath, string newPath);
}
