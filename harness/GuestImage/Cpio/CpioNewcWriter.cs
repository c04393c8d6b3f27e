using System.Text;

namespace Harness.GuestImage.Cpio;

/// <summary>
/// Writes a newc cpio archive. Members go out in ordinal path order (so a directory always comes
/// before what it holds, which the kernel's unpacker needs) with fixed owner and time, and
/// numbered inodes, so the same members always give the same bytes.
/// </summary>
public static class CpioNewcWriter
{
    public const string TrailerName = "TRAILER!!!";

    public static void Write(Stream output, IEnumerable<CpioEntry> entries)
    {
        var sorted = entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        RequireUniquePathsAndParents(sorted);

        var inode = 0;
        foreach (var entry in sorted)
        {
            // Directories count "." and their entry in the parent; nothing here is hard-linked.
            var linkCount = entry.Kind == CpioEntryKind.Directory ? 2 : 1;
            WriteMember(output, entry.Path, ++inode, CpioNewcHeader.ModeOf(entry), linkCount, entry.Data,
                entry.DeviceMajor, entry.DeviceMinor);
        }
        WriteMember(output, TrailerName, 0, 0, 1, [], 0, 0);
    }

    private static void WriteMember(Stream output, string name, int inode, int mode, int linkCount, byte[] data,
        int rdevMajor, int rdevMinor)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var nameSize = nameBytes.Length + 1;  // the stored size counts the terminating NUL
        output.Write(CpioNewcHeader.Format(inode, mode, linkCount, data.Length, rdevMajor, rdevMinor, nameSize));
        output.Write(nameBytes);
        output.WriteByte(0);
        // Header and name together are padded to a multiple of 4, then the data on its own.
        WriteZeros(output, PaddingAfter(CpioNewcHeader.Length + nameSize));
        output.Write(data);
        WriteZeros(output, PaddingAfter(data.Length));
    }

    internal static int PaddingAfter(int length) => (4 - length % 4) % 4;

    private static void WriteZeros(Stream output, int count)
    {
        for (var i = 0; i < count; i++)
            output.WriteByte(0);
    }

    private static void RequireUniquePathsAndParents(IReadOnlyList<CpioEntry> sorted)
    {
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in sorted)
        {
            if (!seen.Add(entry.Path))
                throw new ArgumentException($"The archive lists '{entry.Path}' twice");
            // The kernel creates no missing parents: a member whose directory is absent is dropped.
            if (entry.ParentPath is { } parent && !directories.Contains(parent))
                throw new ArgumentException($"'{entry.Path}' needs its directory '{parent}' in the archive");
            if (entry.Kind == CpioEntryKind.Directory)
                directories.Add(entry.Path);
        }
    }
}
