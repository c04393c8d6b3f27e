using System.IO.Compression;
using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

public class GuestImageBuilderTests
{
    [Test]
    public async Task A_cached_image_is_returned_without_publishing()
    {
        // The repository has no Guest.csproj: any attempt to publish would throw.
        using var repository = new TemporaryFolder();
        Directory.CreateDirectory(repository.File("guest"));
        File.WriteAllText(repository.File("guest/Program.cs"), "return 0;");
        using var cache = new TemporaryFolder();
        var hash = GuestContentHash.Compute(repository.Path, InitScript.Text, StaticBusybox.Load(),
            await DotnetSdk.GetVersionAsync(repository.Path, CancellationToken.None));
        var cached = Path.Combine(cache.Path, "guest", hash, GuestImageBuilder.ImageFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllBytes(cached, [42]);

        var image = await new GuestImageBuilder(repository.Path, cache.Path, _ => { }).BuildAsync(CancellationToken.None);

        Assert.That(image, Is.EqualTo(new Harness.GuestImage.GuestImage(cached, hash, FromCache: true)));
        Assert.That(File.ReadAllBytes(cached), Is.EqualTo(new byte[] { 42 }));
    }

    [Test]
    [Category("Build")]
    public async Task The_real_guest_is_published_packed_with_its_libraries_and_then_reused()
    {
        using var cache = new TemporaryFolder();
        var messages = new List<string>();
        var builder = new GuestImageBuilder(RepositoryRoot(), cache.Path, messages.Add);

        var built = await builder.BuildAsync(CancellationToken.None);
        var reused = await builder.BuildAsync(CancellationToken.None);

        var archive = cache.File("initramfs.cpio");
        using (var gzip = new GZipStream(File.OpenRead(built.InitramfsPath), CompressionMode.Decompress))
        using (var output = File.Create(archive))
            gzip.CopyTo(output);
        var members = await CpioTool.ListAsync(archive);

        Assert.Multiple(() =>
        {
            Assert.That(built.FromCache, Is.False);
            Assert.That(reused, Is.EqualTo(built with { FromCache = true }));
            Assert.That(members, Is.SupersetOf(new[]
            {
                "init", "bin/busybox", "bin/sh", "bin/reboot", "bin/guest", "dev/console",
                "lib/x86_64-linux-gnu/libc.so.6", "lib64/ld-linux-x86-64.so.2",
            }));
            Assert.That(messages, Has.Some.Contains("cached"));
        });
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Harness.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Harness.sln not found above the test folder");
    }
}
