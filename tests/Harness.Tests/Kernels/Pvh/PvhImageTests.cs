using Harness.Kernels.Pvh;

namespace Harness.Tests.Kernels.Pvh;

public class PvhImageTests
{
    [Test]
    public async Task A_bzImage_with_a_PVH_kernel_is_unpacked_once_into_the_ELF_it_holds()
    {
        using var scratch = new ScratchFolder();
        var elf = PvhKernelFiles.Elf(withPvhEntry: true);
        var folder = Directory.CreateDirectory(scratch.File("entry")).FullName;
        var bzImage = Path.Combine(folder, "vmlinuz");
        await File.WriteAllBytesAsync(bzImage, await PvhKernelFiles.BzImageAroundAsync(elf, scratch));
        var log = new List<string>();

        var first = await PvhImage.GetOrUnpackAsync(bzImage, log.Add, CancellationToken.None);
        var second = await PvhImage.GetOrUnpackAsync(bzImage, log.Add, CancellationToken.None);

        Assert.That(first, Is.Not.Null);
        Assert.That(await File.ReadAllBytesAsync(first!), Is.EqualTo(elf));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(log, Has.Count.EqualTo(1).And.Some.Contains("unpacked for a PVH boot"));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "vmlinuz", "vmlinux.pvh" }));
    }

    [Test]
    public async Task A_kernel_without_the_PVH_note_boots_its_bzImage_and_is_not_unpacked_again()
    {
        using var scratch = new ScratchFolder();
        var folder = Directory.CreateDirectory(scratch.File("entry")).FullName;
        var bzImage = Path.Combine(folder, "vmlinuz");
        await File.WriteAllBytesAsync(bzImage, await PvhKernelFiles.BzImageAroundAsync(PvhKernelFiles.Elf(withPvhEntry: false), scratch));

        var first = await PvhImage.GetOrUnpackAsync(bzImage, _ => { }, CancellationToken.None);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "vmlinux.none"), DateTime.UtcNow.AddMinutes(1));
        var second = await PvhImage.GetOrUnpackAsync(bzImage, _ => Assert.Fail("unpacked again"), CancellationToken.None);

        Assert.That(first, Is.Null);
        Assert.That(second, Is.Null);
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "vmlinuz", "vmlinux.none" }));
    }

    [Test]
    public async Task A_bzImage_without_a_payload_field_boots_as_it_is()
    {
        using var scratch = new ScratchFolder();
        var bzImage = scratch.FakeBzImage("vmlinuz");

        Assert.That(await PvhImage.GetOrUnpackAsync(bzImage, _ => { }, CancellationToken.None), Is.Null);
        Assert.That(File.Exists(scratch.File("vmlinux.pvh")), Is.False);
    }

    [Test]
    public async Task A_damaged_payload_boots_the_bzImage_and_says_why()
    {
        using var scratch = new ScratchFolder();
        var folder = Directory.CreateDirectory(scratch.File("entry")).FullName;
        var bytes = await PvhKernelFiles.BzImageAroundAsync(PvhKernelFiles.Elf(withPvhEntry: true), scratch);
        bytes[1024 + 0x40 + 40] ^= 0xFF; // inside the xz stream
        var bzImage = Path.Combine(folder, "vmlinuz");
        await File.WriteAllBytesAsync(bzImage, bytes);
        var log = new List<string>();

        Assert.That(await PvhImage.GetOrUnpackAsync(bzImage, log.Add, CancellationToken.None), Is.Null);
        Assert.That(log, Has.Some.Contains("could not unpack"));
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "vmlinuz" }));
    }
}
