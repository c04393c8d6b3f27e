using System.Runtime.Versioning;
using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

/// <summary>Builds a real kernel: minutes on two cores the first time, so only in the Build category.</summary>
[SupportedOSPlatform("linux")]
[Category("Build")]
public class KernelBuilderBuildTests
{
    [Test, CancelAfter(60 * 60 * 1000)]
    public async Task The_patched_5_10_builds_and_a_second_request_comes_from_the_cache(CancellationToken cancellationToken)
    {
        var source = KernelSources.Require(KernelSources.Source510Variable);
        var cache = Environment.GetEnvironmentVariable(KernelSources.CacheVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "harness-build-test-cache");
        var builder = new KernelBuilder(cache, TestContext.Progress.WriteLine);
        var request = new KernelBuildRequest(source, "linux-source-5.10 (test)", TestFiles.Fragment, [TestFiles.Patch510]);

        var built = await builder.BuildAsync(request, cancellationToken);
        var again = await builder.BuildAsync(request, cancellationToken);

        Assert.That(new FileInfo(built.ImagePath).Length, Is.GreaterThan(500_000));
        Assert.That(again.FromCache, Is.True);
        Assert.That(again.ImagePath, Is.EqualTo(built.ImagePath));
        var config = KconfigText.Values(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(built.ImagePath)!, "config"), cancellationToken));
        Assert.That(config["CONFIG_RSEQ"], Is.EqualTo("y"));
    }
}
