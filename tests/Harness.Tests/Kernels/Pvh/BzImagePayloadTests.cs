using Harness.Kernels.Pvh;

namespace Harness.Tests.Kernels.Pvh;

public class BzImagePayloadTests
{
    [TestCase(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00 }, "xz")]
    [TestCase(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x00 }, "zstd")]
    [TestCase(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00 }, "gzip")]
    public void The_payloads_magic_names_the_program_that_unpacks_it(byte[] magic, string program) =>
        Assert.That(BzImagePayload.CompressionOf(magic), Is.EqualTo(program));

    [Test]
    public void An_lz4_payload_is_not_unpacked() =>
        Assert.That(BzImagePayload.CompressionOf([0x02, 0x21, 0x4C, 0x18, 0, 0]), Is.Null);

    [Test]
    public async Task The_header_locates_the_payload_after_the_setup_sectors()
    {
        using var scratch = new ScratchFolder();
        var image = await PvhKernelFiles.BzImageAroundAsync(PvhKernelFiles.Elf(withPvhEntry: true), scratch);

        var payload = BzImagePayload.Find(image, offset => image[(int)offset..(int)(offset + 6)]);

        Assert.That(payload, Is.Not.Null);
        Assert.That(payload!.Offset, Is.EqualTo(2 * 512 + 0x40));
        Assert.That(payload.Offset + payload.Length, Is.EqualTo(image.Length));
        Assert.That(payload.Compression, Is.EqualTo("xz"));
    }

    [Test]
    public void A_boot_protocol_before_2_08_has_no_payload_field() =>
        Assert.That(BzImagePayload.Find(Harness.Tests.Kernels.FakeBzImage.Bytes(), _ => []), Is.Null);
}
