using Harness.Reports;

namespace Harness.Doctor;

/// <summary>
/// Room under the cache and the results folder. A Debian kernel package is 14 to 108 MB, a kernel
/// build tree about a gigabyte, a run folder a few megabytes of console logs.
/// </summary>
public static class DiskCheck
{
    public const long WarnBelowBytes = 5L << 30;
    public const long FailBelowBytes = 1L << 30;

    public static CheckResult Cache(string cacheRoot)
    {
        var used = Directory.Exists(cacheRoot) ? $"{ByteSize.Format(UsedBytes(cacheRoot))} used" : "not created yet";
        return Judge("cache", $"{cacheRoot}: {used}", FreeBytes(cacheRoot));
    }

    public static CheckResult Results(string resultsRoot) =>
        Judge("results", resultsRoot + (Directory.Exists(resultsRoot) ? "" : " (not created yet)"), FreeBytes(resultsRoot));

    /// <summary>The line for a folder with <paramref name="freeBytes"/> free: warn under 5 GiB, FAIL under 1 GiB.</summary>
    public static CheckResult Judge(string check, string evidence, long freeBytes)
    {
        var line = $"{evidence}, {ByteSize.Format(freeBytes)} free";
        return freeBytes switch
        {
            < FailBelowBytes => CheckResult.Broken(check, line, $"free space: a kernel build alone needs about {ByteSize.Format(FailBelowBytes)}"),
            < WarnBelowBytes => CheckResult.Warn(check, line, $"under {ByteSize.Format(WarnBelowBytes)} free: kernel builds and new kernels may run out of room"),
            _ => CheckResult.Ok(check, line),
        };
    }

    /// <summary>Free space for this user on the file system that holds <paramref name="path"/>, or will once it is created.</summary>
    static long FreeBytes(string path)
    {
        var existing = new DirectoryInfo(Path.GetFullPath(path));
        while (!existing.Exists && existing.Parent is not null)
            existing = existing.Parent;
        return new DriveInfo(existing.FullName).AvailableFreeSpace;
    }

    static long UsedBytes(string folder) =>
        new DirectoryInfo(folder)
            .EnumerateFiles("*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                // A link's target is counted where it lives, if it lives in the cache at all.
                AttributesToSkip = FileAttributes.ReparsePoint,
            })
            .Sum(file => file.Length);
}
