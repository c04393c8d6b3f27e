using System.IO.Compression;
using Harness.GuestImage.Cpio;

namespace Harness.GuestImage;

/// <summary>Writes the gzip'd newc archive the kernel takes as its initrd.</summary>
internal static class InitramfsFile
{
    /// <summary>
    /// Writes to a temporary file beside <paramref name="path"/> and renames it into place, so a
    /// cancelled or crashed build never leaves a truncated image that a later run takes as cached.
    /// </summary>
    public static void WriteAtomically(string path, IEnumerable<CpioEntry> entries)
    {
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var file = File.Create(temporary))
                Write(file, entries);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

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
