namespace Harness.Tests;

/// <summary>
/// A shell script standing in for a host tool asked for its version (QEMU, dotnet): it prints a set
/// line, or fails with a set exit status and error line, and appends a line to a file beside it on
/// every run, so a test can tell whether the tool was started at all.
/// </summary>
sealed class CountingTool
{
    readonly string _runsFile;

    public CountingTool(string path, string answer)
    {
        Path = path;
        _runsFile = path + ".runs";
        Rewrite(answer);
    }

    public string Path { get; }

    /// <summary>How many times the tool has been started.</summary>
    public int Runs => File.Exists(_runsFile) ? File.ReadAllLines(_runsFile).Length : 0;

    /// <summary>The mtime every version of the script gets, as dpkg gives a file its package's time: only ctime tells them apart.</summary>
    public static readonly DateTime Packaged = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>Writes the script again, as an upgrade would: new bytes and ctime, the same mtime (<see cref="Packaged"/>).</summary>
    public void Rewrite(string answer, int exitCode = 0, string error = "")
    {
        File.WriteAllText(Path, $"#!/bin/sh\necho \"$*\" >> '{_runsFile}'\necho '{answer}'\necho '{error}' >&2\nexit {exitCode}\n");
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetLastWriteTimeUtc(Path, Packaged);
    }

    /// <summary>What <c>touch</c> does: mtime (and so ctime) now, the bytes unchanged.</summary>
    public void Touch() => File.SetLastWriteTimeUtc(Path, DateTime.UtcNow);
}
