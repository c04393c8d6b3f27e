using System.Runtime.InteropServices;
using System.Text;

namespace Harness.Storage;

/// <summary>
/// Which file a path leads to, and whether it is still the same bytes, without reading them: its real
/// path (every symlink resolved), device and inode, size, and modification and status-change times to
/// the nanosecond. The status-change time (ctime) cannot be set back by a program (touch and dpkg set
/// mtime, and any write, rename or chmod moves ctime to now), so a reinstalled or rewritten file never
/// passes for the old one, even when dpkg restores the package's mtime.
/// </summary>
public sealed record FileIdentity(string RealPath, string Device, ulong Inode, long Size, string Modified, string Changed)
{
    /// <summary>The identity of the file <paramref name="path"/> leads to, or null when it cannot be read (missing, no permission).</summary>
    public static FileIdentity? TryRead(string path)
    {
        var realPath = TryRealPath(path);
        if (realPath is null)
            return null;
        // struct statx's layout is the same on every architecture (unlike struct stat), so one reading of its offsets serves all.
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, realPath, 0, StatxBasicStats, buffer) != 0)
            return null;
        ReadOnlySpan<byte> span = buffer;
        return new FileIdentity(
            realPath,
            Device: $"{MemoryMarshal.Read<uint>(span[136..])}:{MemoryMarshal.Read<uint>(span[140..])}",
            Inode: MemoryMarshal.Read<ulong>(span[32..]),
            Size: MemoryMarshal.Read<long>(span[40..]),
            Modified: Timestamp(span[112..]),
            Changed: Timestamp(span[96..]));
    }

    /// <summary>One line that names the file and changes whenever any of its parts does (a cache key's line).</summary>
    public override string ToString() => $"{RealPath} dev {Device} ino {Inode} size {Size} mtime {Modified} ctime {Changed}";

    // struct statx_timestamp: tv_sec (s64), tv_nsec (u32).
    static string Timestamp(ReadOnlySpan<byte> field) =>
        $"{MemoryMarshal.Read<long>(field)}.{MemoryMarshal.Read<uint>(field[8..]):D9}";

    static string? TryRealPath(string path)
    {
        var resolved = new byte[PathMax];
        if (ResolveRealPath(Path.GetFullPath(path), resolved) == IntPtr.Zero)
            return null;
        var length = Array.IndexOf(resolved, (byte)0);
        return Encoding.UTF8.GetString(resolved, 0, length < 0 ? resolved.Length : length);
    }

    const int AtFdCwd = -100;
    const uint StatxBasicStats = 0x7ff;
    const int StatxSize = 256;
    const int PathMax = 4096;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    static extern int Statx(int directoryFd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    static extern IntPtr ResolveRealPath(string path, byte[] resolved);
}
