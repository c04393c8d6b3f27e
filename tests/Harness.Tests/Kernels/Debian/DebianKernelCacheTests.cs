using Harness.Kernels.Debian;
using Harness.Kernels;
using Harness.Storage;

namespace Harness.Tests.Kernels.Debian;

public class DebianKernelCacheTests
{
    private DirectoryInfo _root = null!;
    private DebianKernelCache _cache = null!;

    [SetUp]
    public void CreateCache()
    {
        _root = Directory.CreateTempSubdirectory("kernel-cache-");
        _cache = new DebianKernelCache(_root.FullName);
    }

    [TearDown]
    public void DeleteCache() => _root.Delete(recursive: true);

    private async Task<string> StoreAsync(string package, string version)
    {
        var staging = _cache.CreateStagingDirectory();
        var image = DebianKernelCache.StagedImagePath(staging);
        await File.WriteAllBytesAsync(image, FakeBzImage.Bytes());
        var meta = new DebianKernelMeta(package, version, "sid", package, version, "./boot/vmlinuz-x",
            DebSha256: "00", await FileSha256.ComputeAsync(image, CancellationToken.None), DateTimeOffset.UnixEpoch);
        return await _cache.CommitAsync(staging, meta, CancellationToken.None);
    }

    [Test]
    public async Task A_committed_image_is_found_under_package_and_version()
    {
        var stored = await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");

        Assert.That(stored, Is.EqualTo(Path.Combine(_root.FullName, "kernels", "debian", "linux-image-6.1.0-50-amd64_6.1.176-1", "vmlinuz")));
        Assert.That(await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.176-1", CancellationToken.None), Is.EqualTo(stored));
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(stored)!, "meta.json")), Is.True);
        Assert.That(Directory.GetDirectories(Path.Combine(_root.FullName, "kernels", "debian"), ".staging-*"), Is.Empty);
    }

    [Test]
    public async Task Another_version_is_not_a_hit()
    {
        await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");

        Assert.That(await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.177-1", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_damaged_image_is_not_trusted()
    {
        var stored = await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");
        await File.WriteAllBytesAsync(stored, FakeBzImage.Bytes().AsSpan(0, 0x300).ToArray());

        Assert.That(await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.176-1", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task An_image_without_its_meta_is_not_trusted()
    {
        var directory = _cache.EntryDirectory("linux-image-6.1.0-50-amd64", "6.1.176-1");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "vmlinuz"), FakeBzImage.Bytes());

        Assert.That(await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.176-1", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_second_commit_replaces_a_damaged_entry()
    {
        var stored = await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");
        await File.WriteAllTextAsync(stored, "truncated");

        await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");

        Assert.That(await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.176-1", CancellationToken.None), Is.EqualTo(stored));
    }

    [Test]
    public void A_staging_directory_abandoned_long_ago_is_removed_but_a_recent_one_is_kept()
    {
        var abandoned = _cache.CreateStagingDirectory();
        Directory.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddDays(-2));
        var recent = _cache.CreateStagingDirectory();

        var current = _cache.CreateStagingDirectory();

        Assert.That(Directory.Exists(abandoned), Is.False);
        Assert.That(Directory.Exists(recent), Is.True);
        Assert.That(Directory.Exists(current), Is.True);
    }

    [Test]
    public async Task A_damaged_entry_is_removed_so_that_it_is_fetched_again_and_never_served_twice()
    {
        var stored = await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[0x300] ^= 0xff;
        await File.WriteAllBytesAsync(stored, bytes);

        var first = await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.176-1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Null);
            Assert.That(Directory.Exists(Path.GetDirectoryName(stored)), Is.False, "the damaged entry is gone");
            Assert.That(Directory.GetDirectories(Path.Combine(_root.FullName, "kernels", "debian")), Is.Empty, "nothing set aside is left");
        });
    }

    [Test]
    public async Task A_meta_that_is_not_json_removes_the_entry()
    {
        var stored = await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(stored)!, "meta.json"), "{ truncated");

        Assert.That(await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.176-1", CancellationToken.None), Is.Null);
        Assert.That(Directory.Exists(Path.GetDirectoryName(stored)), Is.False);
    }

    [Test]
    public async Task After_a_damaged_entry_a_fresh_fetch_is_trusted_again()
    {
        var stored = await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");
        await File.WriteAllBytesAsync(stored, FakeBzImage.Bytes()[..0x300]);
        Assert.That(await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.176-1", CancellationToken.None), Is.Null);

        var refetched = await StoreAsync("linux-image-6.1.0-50-amd64", "6.1.176-1");

        Assert.That(await _cache.TryGetImageAsync("linux-image-6.1.0-50-amd64", "6.1.176-1", CancellationToken.None), Is.EqualTo(refetched));
        Assert.That(await File.ReadAllBytesAsync(refetched), Is.EqualTo(FakeBzImage.Bytes()));
    }
}
