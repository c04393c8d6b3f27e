using Harness.Storage;

namespace Harness.Tests.Storage;

public class FileIdentityTests
{
    [Test]
    public void A_symlink_has_the_identity_of_the_file_it_leads_to()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("tool", "#!/bin/sh\n");
        Directory.CreateDirectory(scratch.File("bin"));
        File.CreateSymbolicLink(scratch.File("bin/tool"), "../tool");

        var direct = FileIdentity.TryRead(file);
        var throughLink = FileIdentity.TryRead(scratch.File("bin/tool"));

        Assert.That(throughLink, Is.EqualTo(direct));
        Assert.That((direct!.RealPath, direct.Size), Is.EqualTo((Path.GetFullPath(file), 10L)));
    }

    [Test]
    public void Touching_a_file_changes_its_identity()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("tool", "#!/bin/sh\n");
        var before = FileIdentity.TryRead(file);

        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        var after = FileIdentity.TryRead(file);

        Assert.That(after, Is.Not.EqualTo(before));
        Assert.That(after!.Modified, Is.EqualTo("1577934245.000000000"));
    }

    [Test]
    public async Task A_file_rewritten_with_its_old_mtime_restored_still_changes_its_identity()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("tool", "version 1\n");
        // As dpkg gives every version of a file its package's time.
        var packaged = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, packaged);
        var before = FileIdentity.TryRead(file)!;
        // ctime moves with the kernel's coarse clock (a tick of up to 10 ms): let one pass.
        await Task.Delay(30);

        File.WriteAllText(file, "version 2\n");
        File.SetLastWriteTimeUtc(file, packaged);
        var after = FileIdentity.TryRead(file)!;

        Assert.That((after.Inode, after.Size, after.Modified), Is.EqualTo((before.Inode, before.Size, before.Modified)));
        Assert.That(after.Changed, Is.Not.EqualTo(before.Changed));
    }

    [Test]
    public void A_missing_file_has_no_identity() =>
        Assert.That(FileIdentity.TryRead("/nonexistent/tool"), Is.Null);
}
