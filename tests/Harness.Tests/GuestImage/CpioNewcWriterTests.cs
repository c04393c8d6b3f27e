using System.Text;
using Harness.GuestImage.Cpio;

namespace Harness.Tests.GuestImage;

// The whole harness is Linux-only; the attribute lets the analyzer accept the Unix file-mode calls.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class CpioNewcWriterTests
{
    private static List<CpioEntry> SampleTree() =>
    [
        CpioEntry.File("bin/tool", Encoding.ASCII.GetBytes("#!/bin/sh\necho tool\n"), CpioEntry.Executable),
        CpioEntry.Directory("bin"),
        CpioEntry.Symlink("bin/sh", "tool"),
        CpioEntry.Directory("etc"),
        CpioEntry.File("etc/empty", [], CpioEntry.Readable),
        CpioEntry.File("init", Encoding.ASCII.GetBytes("abcde"), CpioEntry.Executable),
        CpioEntry.Symlink("lib64", "/bin"),
    ];

    private static byte[] Write(IEnumerable<CpioEntry> entries)
    {
        using var memory = new MemoryStream();
        CpioNewcWriter.Write(memory, entries);
        return memory.ToArray();
    }

    [Test]
    public async Task The_system_cpio_lists_every_member_in_sorted_order()
    {
        using var folder = new ScratchFolder();
        var archive = folder.File("a.cpio");
        File.WriteAllBytes(archive, Write(SampleTree()));

        var listed = await CpioTool.ListAsync(archive);

        Assert.That(listed, Is.EqualTo(new[] { "bin", "bin/sh", "bin/tool", "etc", "etc/empty", "init", "lib64" }));
    }

    [Test]
    public async Task Extracting_gives_back_the_same_contents_modes_and_symlinks()
    {
        using var folder = new ScratchFolder();
        var archive = folder.File("a.cpio");
        File.WriteAllBytes(archive, Write(SampleTree()));
        var root = folder.File("root");

        await CpioTool.ExtractAsync(archive, root);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(root, "bin/tool")), Is.EqualTo("#!/bin/sh\necho tool\n"));
            Assert.That(File.GetUnixFileMode(Path.Combine(root, "bin/tool")), Is.EqualTo(CpioEntry.Executable));
            Assert.That(File.ReadAllBytes(Path.Combine(root, "etc/empty")), Is.Empty);
            Assert.That(File.GetUnixFileMode(Path.Combine(root, "etc/empty")), Is.EqualTo(CpioEntry.Readable));
            Assert.That(File.ReadAllText(Path.Combine(root, "init")), Is.EqualTo("abcde"));
            Assert.That(new FileInfo(Path.Combine(root, "bin/sh")).LinkTarget, Is.EqualTo("tool"));
            Assert.That(new FileInfo(Path.Combine(root, "lib64")).LinkTarget, Is.EqualTo("/bin"));
        });
    }

    [Test]
    public void The_same_members_in_any_order_give_identical_bytes()
    {
        var first = Write(SampleTree());
        var second = Write(Enumerable.Reverse(SampleTree()));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Owner_and_time_are_fixed_to_root_and_the_epoch()
    {
        using var folder = new ScratchFolder();
        var archive = folder.File("a.cpio");
        File.WriteAllBytes(archive, Write(SampleTree()));

        var listed = await CpioTool.ListAsync(archive, verbose: true);

        // GNU cpio -tv: "mode links owner group size month day year name"; the epoch shows as 1970.
        Assert.That(listed, Has.All.Match(@"^\S+\s+\d+\s+root\s+root\s+\d+\s+Jan\s+1\s+1970\s"));
    }

    [Test]
    public async Task A_character_device_keeps_its_major_and_minor_numbers()
    {
        using var folder = new ScratchFolder();
        var archive = folder.File("a.cpio");
        File.WriteAllBytes(archive, Write([CpioEntry.Directory("dev"), CpioEntry.CharacterDevice("dev/console", 5, 1, CpioEntry.OwnerOnly)]));

        var listed = await CpioTool.ListAsync(archive, verbose: true);

        Assert.That(listed[1], Does.Match(@"^crw-------\s+1\s+root\s+root\s+5,\s+1\s.*dev/console$"));
    }

    [Test]
    public void The_archive_ends_with_the_trailer_and_is_a_multiple_of_four_bytes()
    {
        var bytes = Write(SampleTree());
        var text = Encoding.ASCII.GetString(bytes);

        Assert.That(bytes.Length % 4, Is.Zero);
        Assert.That(text.TrimEnd('\0'), Does.EndWith("TRAILER!!!"));
    }

    [Test]
    public void A_member_without_its_directory_is_refused()
    {
        Assert.That(() => Write([CpioEntry.File("lib/libc.so.6", [1], CpioEntry.Executable)]),
            Throws.ArgumentException.With.Message.Contains("'lib'"));
    }

    [Test]
    public void A_path_listed_twice_is_refused()
    {
        Assert.That(() => Write([CpioEntry.Directory("bin"), CpioEntry.Symlink("/bin", "x")]),
            Throws.ArgumentException.With.Message.Contains("twice"));
    }

    [TestCase("../etc")]
    [TestCase("bin//sh")]
    [TestCase("/")]
    public void A_path_that_escapes_or_is_empty_is_refused(string path)
    {
        Assert.That(() => CpioEntry.Directory(path), Throws.ArgumentException);
    }
}
