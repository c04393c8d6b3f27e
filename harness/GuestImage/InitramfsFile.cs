using System.IO.Compression;
using Harness.GuestImage.Cpio;
using Harness.Storage;

namespace Harness.GuestImage;

/// <summary>Writes the gzip'd newc archive the kernel takes as its initrd.</summary>
internal static class InitramfsFile
{
    /// <summary>
    /// Appears under <paramref name="path"/> only once complete, so a cancelled or crashed build never
    /// leaves a truncated image that a later run takes as cached.
    /// </summary>
    public static void WriteAtomically(string path, IEnumerable<CpioEntry> entries) =>
        AtomicFile.Write(path, file => Write(file, entries));

    /// <summary>
    /// .NET's GZipStream writes a fixed header (MTIME 0, no file name, OS 3 = Unix), so the same
    /// archive compresses to the same bytes; a test pins that header.
    /// </summary>
    public static void Write(Stream output, IEnumerable<CpioEntry> entries)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        CpioNewcWriter.Write(gzip, entries);
    }
}
