using System.IO.Compression;
using System.Text;
using Harness.GuestImage;
using Harness.GuestImage.Cpio;

namespace Harness.Tests.GuestImage;

public class GuestImageExtrasTests
{
    [Test]
    public async Task The_variant_is_the_base_image_followed_by_an_archive_of_the_extra_files()
    {
        using var folder = new ScratchFolder();
        var baseImage = folder.File("initramfs.cpio.gz");
        InitramfsFile.WriteAtomically(baseImage, [CpioEntry.File("init", "#!/bin/sh\n"u8.ToArray(), CpioEntry.Executable)]);
        var extras = Directory.CreateDirectory(folder.File("built")).FullName;
        await File.WriteAllTextAsync(Path.Combine(extras, "basic_test"), "ELF basic");

        var variant = await GuestImageExtras.WithFolderAsync(baseImage, "/selftests", extras, CancellationToken.None);

        var baseBytes = await File.ReadAllBytesAsync(baseImage);
        var variantBytes = await File.ReadAllBytesAsync(variant);
        Assert.That(variantBytes[..baseBytes.Length], Is.EqualTo(baseBytes), "the base archive comes first, unchanged");
        // GZipStream reads concatenated members, as the kernel's unpacker does.
        using var unpacked = new MemoryStream();
        await using (var gzip = new GZipStream(new MemoryStream(variantBytes), CompressionMode.Decompress))
            await gzip.CopyToAsync(unpacked);
        var text = Encoding.Latin1.GetString(unpacked.ToArray());
        Assert.That(text, Does.Contain("init").And.Contain("selftests/basic_test").And.Contain("ELF basic"));
    }

    [Test]
    public async Task The_same_files_give_the_same_variant_and_changed_files_another()
    {
        using var folder = new ScratchFolder();
        var baseImage = folder.File("initramfs.cpio.gz");
        InitramfsFile.WriteAtomically(baseImage, [CpioEntry.File("init", "x"u8.ToArray(), CpioEntry.Executable)]);
        var extras = Directory.CreateDirectory(folder.File("built")).FullName;
        var program = Path.Combine(extras, "param_test");
        await File.WriteAllTextAsync(program, "one");

        var first = await GuestImageExtras.WithFolderAsync(baseImage, "/selftests", extras, CancellationToken.None);
        var again = await GuestImageExtras.WithFolderAsync(baseImage, "/selftests", extras, CancellationToken.None);
        await File.WriteAllTextAsync(program, "two");
        var changed = await GuestImageExtras.WithFolderAsync(baseImage, "/selftests", extras, CancellationToken.None);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(changed, Is.Not.EqualTo(first));
    }
}
