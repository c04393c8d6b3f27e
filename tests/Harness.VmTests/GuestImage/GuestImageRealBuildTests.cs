using System.IO.Compression;
using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

/// <summary>Publishes the real guest with the SDK (NativeAOT), which takes minutes on a small machine.</summary>
[Category("Build")]
public class GuestImageRealBuildTests
{
    [Test]
    public async Task The_real_guest_is_published_packed_with_its_libraries_and_then_reused()
    {
        using var cache = new ScratchFolder();
        var messages = new List<string>();
        var builder = new GuestImageBuilder(TestPaths.RepositoryRoot, cache.Path, messages.Add);

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

}
