using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Harness.Storage;

/// <summary>
/// A file the harness had to write could not be written: the disk is full, read-only or not ours.
/// The message is one line naming the file, e.g. <c>no space left on device writing /r/x/run.json</c>.
/// </summary>
public sealed partial class StorageException : IOException
{
    StorageException(string message, string filePath, Exception inner) : base(message, inner)
    {
        FilePath = filePath;
        // Keeps the errno, so a caller can still tell a full disk from a read-only one.
        HResult = inner.HResult;
    }

    public string FilePath { get; }

    public static StorageException Writing(string filePath, Exception cause) => new($"{Problem(cause)} writing {filePath}", filePath, cause);

    public static StorageException Creating(string path, Exception cause) => new($"{Problem(cause)} creating {path}", path, cause);

    /// <summary>The failure of a libc call, worded like .NET's own (errno kept as the HResult).</summary>
    public static IOException FromErrno(int errno, string path) => new($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'", errno);

    /// <summary>
    /// One line for an I/O failure raised elsewhere (a log file another component writes): the
    /// errno's words and the path .NET put in its message.
    /// </summary>
    public static string Describe(IOException exception)
    {
        if (exception is StorageException storage)
            return storage.Message;
        var withPath = DotnetErrnoMessage().Match(exception.Message);
        return withPath.Success
            ? $"{Problem(exception)}: {withPath.Groups["path"].Value}"
            : $"{Problem(exception)} ({OneLine(exception.Message)})";
    }

    /// <summary>The errno of an I/O failure on Linux, or null (.NET stores it as the HResult).</summary>
    public static int? Errno(Exception exception) =>
        exception is IOException { HResult: > 0 and < 4096 } io ? io.HResult : null;

    public static bool IsDiskFull(Exception exception) => Errno(exception) is Enospc or Edquot;

    const int Enospc = 28;
    const int Edquot = 122;

    static string Problem(Exception cause) => cause switch
    {
        UnauthorizedAccessException => "permission denied",
        _ when Errno(cause) is { } errno => LowerFirst(Marshal.GetPInvokeErrorMessage(errno)),
        _ => OneLine(cause.Message),
    };

    static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    // How .NET words an errno with a path on Unix: "No space left on device : '/tmp/x/ktap.log'".
    [GeneratedRegex(@" : '(?<path>[^']*)'\s*$")]
    private static partial Regex DotnetErrnoMessage();
}
