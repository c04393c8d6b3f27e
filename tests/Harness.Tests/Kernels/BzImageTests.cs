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

    [Test]
    public void The_declared_length_is_the_setup_sectors_and_the_kernel_after_them()
    {
        Assert.That(BzImage.DeclaredLength(FakeBzImage.Bytes()), Is.EqualTo(FakeBzImage.Length));
    }

    [Test]
    public async Task A_whole_image_has_no_problem()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, [.. FakeBzImage.Bytes(), .. "appended signature"u8.ToArray()]);

            Assert.That(await BzImage.ProblemAsync(path, CancellationToken.None), Is.Null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task An_image_cut_short_is_truncated_with_both_lengths_given()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, FakeBzImage.Bytes()[..0x420]);

            Assert.That(await BzImage.ProblemAsync(path, CancellationToken.None),
                Is.EqualTo($"truncated: {0x420} bytes where its boot header declares {FakeBzImage.Length}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Random_bytes_have_no_boot_header()
    {
        var path = Path.GetTempFileName();
        try
        {
            var random = new byte[4096];
            new Random(7).NextBytes(random);
            await File.WriteAllBytesAsync(path, random);

            Assert.That(await BzImage.ProblemAsync(path, CancellationToken.None), Does.Contain("no 'HdrS' boot header"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
