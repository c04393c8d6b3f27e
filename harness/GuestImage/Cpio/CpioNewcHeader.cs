using System.Text;

namespace Harness.GuestImage.Cpio;

/// <summary>
/// The 110-byte ASCII header of the "new" portable format (magic 070701) that the kernel's
/// initramfs unpacker reads: thirteen 8-digit hex fields after the magic.
/// </summary>
internal static class CpioNewcHeader
{
    public const string Magic = "070701";
    public const int Length = 110;

    private const int TypeDirectory = 0x4000;   // S_IFDIR
    private const int TypeRegular = 0x8000;     // S_IFREG
    private const int TypeSymlink = 0xA000;     // S_IFLNK
    private const int TypeCharDevice = 0x2000;  // S_IFCHR

    public static int ModeOf(CpioEntry entry) => (int)entry.Permissions | entry.Kind switch
    {
        CpioEntryKind.Directory => TypeDirectory,
        CpioEntryKind.RegularFile => TypeRegular,
        CpioEntryKind.Symlink => TypeSymlink,
        CpioEntryKind.CharacterDevice => TypeCharDevice,
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "Unknown entry kind"),
    };

    /// <summary>Header fields in their on-disk order; uid, gid, mtime, dev and check are always 0.</summary>
    public static byte[] Format(int inode, int mode, int linkCount, int fileSize, int rdevMajor, int rdevMinor, int nameSize)
    {
        int[] fields = [inode, mode, 0, 0, linkCount, 0, fileSize, 0, 0, rdevMajor, rdevMinor, nameSize, 0];
        var text = new StringBuilder(Length).Append(Magic);
        foreach (var field in fields)
            text.Append(field.ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
