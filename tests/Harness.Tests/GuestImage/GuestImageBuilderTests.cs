using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

public class GuestImageBuilderTests
{
    [Test]
    public async Task A_cached_image_is_returned_without_publishing()
    {
        // The repository has no Guest.csproj: any attempt to publish would throw.
        using var repository = new ScratchFolder();
        Directory.CreateDirectory(repository.File("guest"));
        File.WriteAllText(repository.File("guest/Program.cs"), "return 0;");
        using var cache = new ScratchFolder();
        var hash = GuestContentHash.Compute(repository.Path, InitScript.Text, StaticBusybox.Load(),
            await DotnetSdk.GetVersionAsync(repository.Path, CancellationToken.None));
        var cached = Path.Combine(cache.Path, "guest", hash, GuestImageBuilder.ImageFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllBytes(cached, [42]);

        var image = await new GuestImageBuilder(repository.Path, cache.Path, _ => { }).BuildAsync(CancellationToken.None);

        Assert.That(image, Is.EqualTo(new Harness.GuestImage.GuestImage(cached, hash, FromCache: true)));
        Assert.That(File.ReadAllBytes(cached), Is.EqualTo(new byte[] { 42 }));
    }

    // A repository without Guest.csproj: the cache entry of its image, and proof that publishing was tried.
    static async Task<(ScratchFolder Repository, string Hash)> RepositoryWithoutAProjectAsync()
    {
        var repository = new ScratchFolder();
        Directory.CreateDirectory(repository.File("guest"));
        File.WriteAllText(repository.File("guest/Program.cs"), "return 0;");
        var hash = GuestContentHash.Compute(repository.Path, InitScript.Text, StaticBusybox.Load(),
            await DotnetSdk.GetVersionAsync(repository.Path, CancellationToken.None));
        return (repository, hash);
    }

    [Test]
    public async Task A_cached_image_that_no_longer_matches_its_recorded_hash_is_built_again_not_served()
    {
        var (repository, hash) = await RepositoryWithoutAProjectAsync();
        using var _ = repository;
        using var cache = new ScratchFolder();
        var cached = Path.Combine(cache.Path, "guest", hash, GuestImageBuilder.ImageFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllBytes(cached, [42, 43]);
        await Harness.Storage.CachedFile.RecordAsync(cached, CancellationToken.None);
        File.WriteAllBytes(cached, [42]);
        var messages = new List<string>();

        // Building again means publishing, which fails here for want of a project: the damaged image was not served.
        Assert.ThrowsAsync<GuestBuildException>(() => new GuestImageBuilder(repository.Path, cache.Path, messages.Add).BuildAsync(CancellationToken.None));

        Assert.That(messages, Has.Some.Contains("does not match its recorded SHA-256"));
        Assert.That(File.Exists(cached), Is.False);
    }

    [Test]
    public async Task A_run_waits_for_another_building_the_same_image_and_then_takes_it_from_the_cache()
    {
        var (repository, hash) = await RepositoryWithoutAProjectAsync();
        using var _ = repository;
        using var cache = new ScratchFolder();
        var entry = Path.Combine(cache.Path, "guest", hash);
        var messages = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var otherBuild = await Harness.Storage.CacheLock.AcquireAsync(Path.Combine(cache.Path, "guest", $"{hash}.lock"), () => { }, CancellationToken.None);

        var waiting = new GuestImageBuilder(repository.Path, cache.Path, messages.Enqueue).BuildAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!messages.Any(m => m.Contains("waiting for another run")) && !waiting.IsCompleted && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await Task.Delay(300);
        var finishedEarly = waiting.IsCompleted;
        Directory.CreateDirectory(entry);
        File.WriteAllBytes(Path.Combine(entry, GuestImageBuilder.ImageFileName), [42]);
        await Harness.Storage.CachedFile.RecordAsync(Path.Combine(entry, GuestImageBuilder.ImageFileName), CancellationToken.None);
        otherBuild.Dispose();
        var image = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(finishedEarly, Is.False);
        Assert.That(image.FromCache, Is.True);
        Assert.That(messages, Has.Some.Contains("waiting for another run"));
    }
}
