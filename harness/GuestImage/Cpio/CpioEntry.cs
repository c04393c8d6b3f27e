namespace Harness.GuestImage.Cpio;

/// <summary>
/// One member of a newc archive. Owner, group and time are not part of it: the writer fixes them
/// (root, root, epoch) so the same members always give the same bytes.
/// </summary>
/// <param name="Path">Relative path inside the archive, '/'-separated, no leading slash.</param>
/// <param name="Kind">What the member is.</param>
/// <param name="Permissions">The permission bits (the file type bits come from <paramref name="Kind"/>).</param>
/// <param name="Data">File content, or the target of a symlink; empty for directories and devices.</param>
/// <param name="DeviceMajor">Major number of a character device.</param>
/// <param name="DeviceMinor">Minor number of a character device.</param>
public sealed record CpioEntry(
    string Path,
    CpioEntryKind Kind,
    UnixFileMode Permissions,
    byte[] Data,
    int DeviceMajor = 0,
    int DeviceMinor = 0)
{
    /// <summary>rwxr-xr-x: directories, programs, and the shared libraries (the kernel needs exec on ld.so).</summary>
    public const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    /// <summary>rw-r--r--.</summary>
    public const UnixFileMode Readable = (UnixFileMode)0b110_100_100;

    /// <summary>rw-------.</summary>
    public const UnixFileMode OwnerOnly = (UnixFileMode)0b110_000_000;

    public static CpioEntry Directory(string path) =>
        new(Normalize(path), CpioEntryKind.Directory, Executable, []);

    public static CpioEntry File(string path, byte[] content, UnixFileMode permissions) =>
        new(Normalize(path), CpioEntryKind.RegularFile, permissions, content);

    /// <summary>A symlink; the kernel's unpacker takes the member's data as the link target.</summary>
    public static CpioEntry Symlink(string path, string target) =>
        new(Normalize(path), CpioEntryKind.Symlink, (UnixFileMode)0b111_111_111, System.Text.Encoding.UTF8.GetBytes(target));

    public static CpioEntry CharacterDevice(string path, int major, int minor, UnixFileMode permissions) =>
        new(Normalize(path), CpioEntryKind.CharacterDevice, permissions, [], major, minor);

    /// <summary>Archive paths are relative like the kernel's own gen_init_cpio writes them.</summary>
    public static string Normalize(string path)
    {
        var relative = path.TrimStart('/');
        var segments = relative.Split('/');
        if (relative.Length == 0 || segments.Any(s => s is "" or "." or ".."))
            throw new ArgumentException($"Not a usable archive path: '{path}'", nameof(path));
        return relative;
    }

    /// <summary>The directory holding this member, or null at the archive root.</summary>
    public string? ParentPath
    {
        get
        {
            var slash = Path.LastIndexOf('/');
            return slash < 0 ? null : Path[..slash];
        }
    }
}
