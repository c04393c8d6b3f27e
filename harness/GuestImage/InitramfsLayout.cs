using Harness.GuestImage.Cpio;

namespace Harness.GuestImage;

/// <summary>The members of the guest root: /init, busybox and its applet links, the guest and its libraries.</summary>
internal static class InitramfsLayout
{
    public static IReadOnlyList<CpioEntry> Compose(
        string initScript,
        byte[] busybox,
        byte[] guestBinary,
        IEnumerable<(string GuestPath, byte[] Content)> libraries)
    {
        List<CpioEntry> files =
        [
            CpioEntry.File("init", System.Text.Encoding.UTF8.GetBytes(initScript), CpioEntry.Executable),
            // /init's mount points, here so that it need not run mkdir (a fork and exec under TCG).
            .. InitScript.MountPoints.Select(CpioEntry.Directory),
            CpioEntry.File("bin/busybox", busybox, CpioEntry.Executable),
            CpioEntry.File(InitScript.GuestPath, guestBinary, CpioEntry.Executable),
            // The kernel opens /dev/console for PID 1 before /init mounts devtmpfs; the built-in
            // initramfs of most kernels has this node, but a custom one may not.
            CpioEntry.CharacterDevice("dev/console", 5, 1, CpioEntry.OwnerOnly),
            .. StaticBusybox.Applets.Select(applet => CpioEntry.Symlink($"bin/{applet}", "busybox")),
            .. libraries.Select(library => CpioEntry.File(library.GuestPath, library.Content, CpioEntry.Executable)),
        ];
        return WithParentDirectories(files);
    }

    /// <summary>Adds a directory member for every ancestor of every member (the archive must list them).</summary>
    internal static IReadOnlyList<CpioEntry> WithParentDirectories(IReadOnlyList<CpioEntry> entries)
    {
        var present = entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var directories = new List<CpioEntry>();
        foreach (var entry in entries)
        {
            for (var parent = entry.ParentPath; parent is not null; parent = CpioEntry.Directory(parent).ParentPath)
            {
                if (present.Add(parent))
                    directories.Add(CpioEntry.Directory(parent));
            }
        }
        return [.. directories, .. entries];
    }
}
