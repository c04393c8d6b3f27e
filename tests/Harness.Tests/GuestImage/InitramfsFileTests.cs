using System.IO.Compression;
using Harness.GuestImage;
using Harness.GuestImage.Cpio;

namespace Harness.Tests.GuestImage;

public class InitramfsFileTests
{
    private static List<CpioEntry> Members() =>
    [
        CpioEntry.Directory("bin"),
        CpioEntry.File("bin/data", [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))], CpioEntry.Readable),
        CpioEntry.Symlink("bin/sh", "busybox"),
    ];

    private static byte[] Compressed()
    {
        using var memory = new MemoryStream();
        InitramfsFile.Write(memory, Members());
        return memory.ToArray();
    }

    [Test]
    public void Two_writes_of_the_same_members_give_identical_gzip_bytes()
    {
        var first = Compressed();
        var second = Compressed();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void The_gzip_header_carries_no_timestamp_or_file_name()
    {
        var header = Compressed()[..10];

        Assert.Multiple(() =>
        {
            Assert.That(header[..3], Is.EqualTo(new byte[] { 0x1F, 0x8B, 8 }), "magic and deflate");
            Assert.That(header[3], Is.Zero, "FLG: no FNAME, FCOMMENT or FEXTRA");
            Assert.That(header[4..8], Is.All.Zero, "MTIME");
            Assert.That(header[9], Is.EqualTo(3), "OS = Unix");
        });
    }

    [Test]
    public void The_gzip_stream_holds_exactly_the_cpio_archive()
    {
        using var plain = new MemoryStream();
        CpioNewcWriter.Write(plain, Members());

        using var unzipped = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(Compressed()), CompressionMode.Decompress))
            gzip.CopyTo(unzipped);

        Assert.That(unzipped.ToArray(), Is.EqualTo(plain.ToArray()));
    }

    [Test]
    public async Task An_atomic_write_leaves_only_the_image_and_cpio_reads_it_through_gzip()
    {
        using var folder = new ScratchFolder();
        var image = folder.File("initramfs.cpio.gz");

        InitramfsFile.WriteAtomically(image, Members());
        var unzipped = folder.File("initramfs.cpio");
        using (var gzip = new GZipStream(File.OpenRead(image), CompressionMode.Decompress))
        using (var output = File.Create(unzipped))
            gzip.CopyTo(output);

        Assert.That(Directory.GetFiles(folder.Path), Is.EquivalentTo(new[] { image, unzipped }));
        Assert.That(await CpioTool.ListAsync(unzipped), Is.EqualTo(new[] { "bin", "bin/data", "bin/sh" }));
    }
}
