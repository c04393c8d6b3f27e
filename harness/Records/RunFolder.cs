using System.Globalization;
using System.Runtime.InteropServices;
using Harness.Storage;

namespace Harness.Records;

/// <summary>
/// results/&lt;run-id&gt;/: a new folder per run, so nothing an earlier run wrote is ever touched,
/// and results/latest pointing at the newest complete one. Two runs may share one results folder
/// (a nightly run and a bisect, two CI jobs on one mount): each gets its own folder, and every file
/// appears whole or not at all.
/// </summary>
public sealed class RunFolder
{
    RunFolder(string resultsRoot, string runId, IReadOnlyList<IRunExporter> exporters)
    {
        ResultsRoot = resultsRoot;
        RunId = runId;
        Path = System.IO.Path.Combine(resultsRoot, runId);
        Exporters = exporters;
    }

    public string ResultsRoot { get; }
    public string RunId { get; }
    public string Path { get; }

    /// <summary>The summaries written beside run.json each time the record is written (none: run.json alone).</summary>
    public IReadOnlyList<IRunExporter> Exporters { get; }

    /// <exception cref="StorageException">The results folder cannot be written (disk full, read-only, permission).</exception>
    public static RunFolder Create(string resultsRoot, DateTimeOffset now, IReadOnlyList<IRunExporter>? exporters = null)
    {
        try
        {
            Directory.CreateDirectory(resultsRoot);
        }
        catch (Exception exception) when (exception is IOException and not StorageException or UnauthorizedAccessException)
        {
            throw StorageException.Creating(resultsRoot, exception);
        }
        var baseId = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            var runId = attempt == 1 ? baseId : $"{baseId}-{attempt}";
            var candidate = System.IO.Path.Combine(resultsRoot, runId);
            // mkdir(2) creates or fails with EEXIST in one step, so of two runs started in the same
            // second exactly one gets each name; Directory.Exists then CreateDirectory (which succeeds
            // on an existing folder) let both take the same one.
            if (MakeDirectory(candidate, Convert.ToUInt32("777", 8)) == 0)
                return new RunFolder(resultsRoot, runId, exporters ?? []);
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Eexist)
                throw StorageException.Creating(candidate, StorageException.FromErrno(errno, candidate));
        }
    }

    /// <summary>
    /// A folder that successive processes add to, such as the steps of one <c>git bisect run</c>
    /// (each step a process of its own): created when missing, never renamed.
    /// </summary>
    public static RunFolder Open(string resultsRoot, string runId)
    {
        var folder = new RunFolder(resultsRoot, runId, []);
        try
        {
            Directory.CreateDirectory(folder.Path);
        }
        catch (Exception exception) when (exception is IOException and not StorageException or UnauthorizedAccessException)
        {
            throw StorageException.Creating(folder.Path, exception);
        }
        return folder;
    }

    /// <summary>A kernel's file, relative to the run folder (as recorded in run.json) and absolute.</summary>
    /// <remarks>
    /// Kernel names are held to <c>[a-z0-9][a-z0-9._-]*</c> when kernels.yaml is read (see
    /// KernelEntryReader); this check only makes sure no caller can ever write outside the run folder.
    /// </remarks>
    public (string Relative, string Absolute) KernelFile(string kernelName, string suffix)
    {
        var relative = $"{kernelName}.{suffix}";
        if (kernelName.Length == 0 || kernelName.StartsWith('.') || relative.Contains('/') || relative.Contains('\0'))
            throw new ArgumentException($"'{kernelName}' cannot name a file in the run folder", nameof(kernelName));
        return (relative, System.IO.Path.Combine(Path, relative));
    }

    public async Task WriteAsync(RunRecord record, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAllTextAsync(System.IO.Path.Combine(Path, "run.json"), RunRecordJson.Serialize(record), cancellationToken);
        foreach (var exporter in Exporters)
            await AtomicFile.WriteAllTextAsync(System.IO.Path.Combine(Path, exporter.FileName), exporter.Render(record), cancellationToken);
        PointLatestHere();
    }

    /// <summary>Swaps results/latest in one rename, so a reader never finds it missing or half made.</summary>
    void PointLatestHere()
    {
        var latest = System.IO.Path.Combine(ResultsRoot, "latest");
        // Unique per call, not per process id: two containers sharing a results mount can both be pid 1.
        var temporary = System.IO.Path.Combine(ResultsRoot, $".latest-{Guid.NewGuid():N}");
        try
        {
            File.CreateSymbolicLink(temporary, RunId);
        }
        catch (Exception exception) when (exception is IOException and not StorageException or UnauthorizedAccessException)
        {
            throw StorageException.Writing(latest, exception);
        }
        // File.Move follows the link to the run folder and refuses it; rename(2) moves the link itself.
        if (Rename(temporary, latest) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            File.Delete(temporary);
            throw StorageException.Writing(latest, StorageException.FromErrno(errno, latest));
        }
    }

    const int Eexist = 17;

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    static extern int Rename(string oldPath, string newPath);

    [DllImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    static extern int MakeDirectory(string path, uint mode);
}
