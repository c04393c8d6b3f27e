using Harness.Storage;

namespace Harness.Tests.Storage;

public class AtomicFileTests
{
    string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("atomic-file-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_write_replaces_the_old_content_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "run.json");
        await File.WriteAllTextAsync(path, "old");

        await AtomicFile.WriteAllTextAsync(path, "new", CancellationToken.None);

        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("new"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task A_write_that_fails_half_way_leaves_the_old_file_as_it_was()
    {
        var path = Path.Combine(_folder, "run.json");
        await File.WriteAllTextAsync(path, "old");

        Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync("half of the new"u8.ToArray(), token);
            throw new InvalidOperationException("the writer died");
        }, CancellationToken.None));

        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public async Task On_a_full_disk_the_error_names_the_file_and_the_old_content_survives()
    {
        await using var disk = await SmallDisk.MountAsync();
        var path = Path.Combine(disk.Path, "run.json");
        await File.WriteAllTextAsync(path, "earlier results");
        disk.Fill();

        var error = Assert.ThrowsAsync<StorageException>(
            () => AtomicFile.WriteAllTextAsync(path, new string('x', 64 * 1024), CancellationToken.None));

        Assert.Multiple(async () =>
        {
            Assert.That(error.Message, Is.EqualTo($"no space left on device writing {path}"));
            Assert.That(StorageException.IsDiskFull(error), Is.True);
            Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("earlier results"));
            Assert.That(Directory.GetFiles(disk.Path, "*.tmp"), Is.Empty);
        });
    }
}
