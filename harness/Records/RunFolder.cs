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
    RunFolder(string resultsRoot, string name, RunIdentity identity, IReadOnlyList<IRunExporter> exporters)
    {
        ResultsRoot = resultsRoot;
        Name = name;
        Identity = identity;
        Path = System.IO.Path.Combine(resultsRoot, name);
        Exporters = exporters;
    }

    public string ResultsRoot { get; }

    /// <summary>The folder's name under the results folder: the run id, with the shard and a -2, -3 … when taken.</summary>
    public string Name { get; }

    /// <summary>The run this folder's record belongs to, as run.json records it.</summary>
    public RunIdentity Identity { get; }

    public string RunId => Identity.RunId;
    public string Path { get; }

    /// <summary>The summaries written beside run.json each time the record is written (none: run.json alone).</summary>
    public IReadOnlyList<IRunExporter> Exporters { get; }

    /// <exception cref="StorageException">The results folder cannot be written (disk full, read-only, permission).</exception>
    /// <param name="runId">The id the shards of one night share (<c>--run-id</c>); null for the time stamp, as every run had before.</param>
    /// <param name="matrixSha256">The hash of the matrix run, recorded so a merge can refuse shards of another matrix.</param>
    /// <param name="shard">The slice of the matrix run; its folder is named after it, so shards of one id can share a results folder.</param>
    public static RunFolder Create(
        string resultsRoot, DateTimeOffset now, IReadOnlyList<IRunExporter>? exporters = null,
        string? runId = null, string? matrixSha256 = null, ShardInfo? shard = null)
    {
        try
        {
            Directory.CreateDirectory(resultsRoot);
        }
        catch (Exception exception) when (exception is IOException and not StorageException or UnauthorizedAccessException)
        {
            throw StorageException.Creating(resultsRoot, exception);
        }
        var id = runId ?? now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var baseName = shard is null ? id : $"{id}-shard-{shard.Index}-of-{shard.Count}";
        for (var attempt = 1; ; attempt++)
        {
            var name = attempt == 1 ? baseName : $"{baseName}-{attempt}";
            var candidate = System.IO.Path.Combine(resultsRoot, name);
            // mkdir(2) creates or fails with EEXIST in one step, so of two runs started in the same
            // second exactly one gets each name; Directory.Exists then CreateDirectory (which succeeds
            // on an existing folder) let both take the same one.
            if (MakeDirectory(candidate, Convert.ToUInt32("777", 8)) == 0)
                // Without --run-id the id is the folder's name, as it always was (two runs in one second: -2).
                return new RunFolder(resultsRoot, name, new RunIdentity(runId ?? name, matrixSha256, shard), exporters ?? []);
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
        var folder = new RunFolder(resultsRoot, runId, new RunIdentity(runId), []);
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
        // Rendered side by side: each file is a pure function of the record, and their first
        // rendering (mostly the runtime preparing each exporter's code) is the larger part of the
        // time between QEMU's exit and the harness's. Written one by one, run.json first, so a full
        // disk always stops at the same file and a failing exporter still leaves the files before it.
        IEnumerable<(string FileName, Func<string> Render)> files =
            [("run.json", () => RunRecordJson.Serialize(record)), .. Exporters.Select(e => (e.FileName, (Func<string>)(() => e.Render(record))))];
        var renderings = files.Select(file => (file.FileName, Text: Task.Run(file.Render, cancellationToken))).ToList();
        foreach (var (fileName, text) in renderings)
            await AtomicFile.WriteAllTextAsync(System.IO.Path.Combine(Path, fileName), await text, cancellationToken);
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
            File.CreateSymbolicLink(temporary, Name);
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
