using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Harness.Config;

/// <summary>
/// Reads kernels.yaml as text, within bounds: at most <see cref="MatrixLimits.MaxFileBytes"/> are ever
/// read (a 50 MB file, /dev/zero or a FIFO given by mistake costs no more than that), and the bytes must
/// be UTF-8, a BOM allowed; an invalid byte is reported at its line and column instead of being turned
/// silently into U+FFFD inside a kernel path.
/// </summary>
internal static class MatrixText
{
    public static string Read(string path)
    {
        byte[] bytes;
        int length;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            bytes = new byte[MatrixLimits.MaxFileBytes + 1];
            length = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MatrixException(SourceLocation.WholeFile(path), "file not found");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MatrixException(SourceLocation.WholeFile(path), $"cannot read the file: {exception.Message}");
        }
        if (length > MatrixLimits.MaxFileBytes)
            throw TooLarge(path);
        return Decode(bytes.AsSpan(0, length), path);
    }

    public static MatrixException TooLarge(string path) => new(SourceLocation.WholeFile(path),
        $"the file is larger than {MatrixLimits.MaxFileBytes / 1024 / 1024} MiB; a kernels.yaml is a list of kernels, a few KiB (is this the right file?)");

    public static string Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            throw new MatrixException(new SourceLocation(path, 1, 1), "the file is UTF-16; save it as UTF-8");
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            bytes = bytes[Encoding.UTF8.Preamble.Length..];

        var text = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, text, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (line, column) = Position(text.AsSpan(0, written));
            throw new MatrixException(new SourceLocation(path, line, column),
                $"byte 0x{bytes[read]:X2} is not valid UTF-8; kernels.yaml must be UTF-8 text");
        }
        return new string(text, 0, written);
    }

    // Where the text so far ends, 1-based, columns counted in characters as the YAML parser counts them.
    static (int Line, int Column) Position(ReadOnlySpan<char> before)
    {
        var lastNewline = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, before.Length - lastNewline);
    }
}
