using Harness.Kernels;

namespace Harness.Tests.Kernels;

public class BzImageTests
{
    [Test]
    public void Bytes_with_HdrS_at_0x202_are_a_bzImage()
    {
        Assert.That(BzImage.HasBootHeader(FakeBzImage.Bytes()), Is.True);
    }

    [Test]
    public void An_ELF_vmlinux_is_not_a_bzImage()
    {
        var elf = new byte[0x400];
        "\u007fELF"u8.CopyTo(elf);
        Assert.That(BzImage.HasBootHeader(elf), Is.False);
    }

    [Test]
    public void HdrS_at_the_wrong_offset_is_not_enough()
    {
        var bytes = new byte[0x400];
        "HdrS"u8.CopyTo(bytes.AsSpan(0x200));
        Assert.That(BzImage.HasBootHeader(bytes), Is.False);
    }

    [Test]
    public void A_file_shorter_than_the_header_is_not_a_bzImage()
    {
        Assert.That(BzImage.HasBootHeader(FakeBzImage.Bytes().AsSpan(0, 0x204)), Is.False);
    }
}
