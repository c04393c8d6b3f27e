using Harness.Config;
using Harness.Kernels;

namespace Harness.Tests.Kernels;

/// <summary>Really fetches from the Debian mirror the host's apt uses.</summary>
[Category("Network")]
public class KernelProviderNetworkTests
{
    // A private cache per run would download 70 MB each time; HARNESS_TEST_CACHE lets a developer reuse one.
    private static string CacheRoot =>
        Environment.GetEnvironmentVariable("HARNESS_TEST_CACHE")
        ?? Path.Combine(Path.GetTempPath(), "harness-test-cache");

    [Test]
    public async Task Bookworm_linux_image_amd64_is_fetched_once_and_then_served_from_the_cache()
    {
        var log = new List<string>();
        var provider = new KernelProvider(CacheRoot, line => { lock (log) log.Add(line); });
        var source = new DebianKernelSource("linux-image-amd64", "bookworm");

        var first = await provider.GetAsync(source, CancellationToken.None);
        var second = await provider.GetAsync(source, CancellationToken.None);

        TestContext.Out.WriteLine(string.Join('\n', log));
        TestContext.Out.WriteLine($"first: {first}\nsecond: {second}\nimage size: {new FileInfo(first.ImagePath).Length} bytes");
        Assert.That(first.Identity, Does.Match(@"^linux-image-6\.1\.\S+-amd64=6\.1\.\S+$"));
        Assert.That(await BzImage.IsBzImageAsync(first.ImagePath, CancellationToken.None), Is.True);
        Assert.That(second.FromCache, Is.True);
        Assert.That(second.Identity, Is.EqualTo(first.Identity));
        Assert.That(second.ImagePath, Is.EqualTo(first.ImagePath));
    }

    [Test]
    public void A_package_missing_from_the_suite_gives_a_one_line_error()
    {
        var provider = new KernelProvider(CacheRoot);

        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => provider.GetAsync(new DebianKernelSource("linux-image-foo", "bookworm"), CancellationToken.None));

        Assert.That(error.Message, Is.EqualTo("kernel package 'linux-image-foo' not found in bookworm"));
    }
}
