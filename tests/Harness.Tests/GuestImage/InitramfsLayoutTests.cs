using System.Text;
using Harness.GuestImage;
using Harness.GuestImage.Cpio;

namespace Harness.Tests.GuestImage;

public class InitramfsLayoutTests
{
    private static IReadOnlyList<CpioEntry> Compose() => InitramfsLayout.Compose(
        "#!/bin/sh\n",
        busybox: [1],
        guestBinary: [2],
        libraries: [("/lib/x86_64-linux-gnu/libc.so.6", [3]), ("/lib64/ld-linux-x86-64.so.2", [4])]);

    [Test]
    public void Every_library_lands_at_the_path_the_loader_expects_with_its_directories()
    {
        var byPath = Compose().ToDictionary(e => e.Path);

        Assert.Multiple(() =>
        {
            Assert.That(byPath["lib64/ld-linux-x86-64.so.2"].Data, Is.EqualTo(new byte[] { 4 }));
            Assert.That(byPath["lib64/ld-linux-x86-64.so.2"].Kind, Is.EqualTo(CpioEntryKind.RegularFile));
            Assert.That(byPath["lib/x86_64-linux-gnu/libc.so.6"].Data, Is.EqualTo(new byte[] { 3 }));
            Assert.That(byPath["lib"].Kind, Is.EqualTo(CpioEntryKind.Directory));
            Assert.That(byPath["lib/x86_64-linux-gnu"].Kind, Is.EqualTo(CpioEntryKind.Directory));
            Assert.That(byPath["lib64"].Kind, Is.EqualTo(CpioEntryKind.Directory));
        });
    }

    [Test]
    public void Init_busybox_and_the_guest_are_executable_and_the_applets_link_to_busybox()
    {
        var byPath = Compose().ToDictionary(e => e.Path);

        Assert.Multiple(() =>
        {
            foreach (var path in new[] { "init", "bin/busybox", "bin/guest" })
                Assert.That(byPath[path].Permissions, Is.EqualTo(CpioEntry.Executable), path);
            foreach (var applet in StaticBusybox.Applets)
                Assert.That(Encoding.UTF8.GetString(byPath[$"bin/{applet}"].Data), Is.EqualTo("busybox"), applet);
        });
    }

    [Test]
    public void The_mount_points_of_init_are_directories_of_the_image_once_each()
    {
        var entries = Compose();

        foreach (var mountPoint in InitScript.MountPoints)
            Assert.That(entries.Where(e => e.Path == mountPoint).Select(e => e.Kind), Is.EqualTo(new[] { CpioEntryKind.Directory }), mountPoint);
    }

    [Test]
    public void The_composed_tree_is_accepted_by_the_writer()
    {
        Assert.That(() => CpioNewcWriter.Write(Stream.Null, Compose()), Throws.Nothing);
    }
}
