using System.Runtime.Versioning;
using Harness.KernelBuild;

namespace Harness.Tests.KernelBuild;

[SupportedOSPlatform("linux")]
[Category("Build")]
public class PatchesApplyTests
{
    [TestCase(KernelSources.Source510Variable, "5.10")]
    [TestCase(KernelSources.Source72Variable, "7.2")]
    public async Task The_shipped_patch_applies_to_the_Debian_source_with_patch_p1(string variable, string version)
    {
        var source = KernelSources.Require(variable);
        var patchPath = version == "5.10" ? TestFiles.Patch510 : TestFiles.Patch72;
        var patch = new PatchFile(patchPath, await File.ReadAllBytesAsync(patchPath));
        var tree = Directory.Exists(source) ? source : await UnpackTargetsAsync(source, patch);

        var output = await BuildTool.RunAsync("patch", ["--dry-run", "-p1", "--forward", "--batch", "-i", patchPath], tree, CancellationToken.None);

        Assert.That(output, Does.Not.Contain("FAILED").And.Not.Contain("fuzz"));
    }

    // Only the files the patch touches: the whole tarball takes a minute to unpack.
    static async Task<string> UnpackTargetsAsync(string tarball, PatchFile patch)
    {
        var folder = Directory.CreateTempSubdirectory("patch-check-").FullName;
        var members = patch.TargetFiles().Select(target => "*/" + target);
        await BuildTool.RunAsync("tar", ["-xf", tarball, "-C", folder, "--strip-components=1", "--wildcards", .. members], null, CancellationToken.None);
        return folder;
    }
}
