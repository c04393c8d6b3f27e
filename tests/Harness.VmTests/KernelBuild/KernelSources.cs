using System.Runtime.Versioning;
namespace Harness.Tests.KernelBuild;

/// <summary>
/// Real kernel sources for the Build tests, named by environment variables because they are large
/// downloads (Debian's linux-source-X): a directory or the tarball from the package.
/// </summary>
[SupportedOSPlatform("linux")]
static class KernelSources
{
    public const string Source510Variable = "HARNESS_KERNEL_SOURCE_5_10";
    public const string Source72Variable = "HARNESS_KERNEL_SOURCE_7_2";

    /// <summary>Where the Build tests build; reusing one keeps a second run incremental.</summary>
    public const string CacheVariable = "HARNESS_BUILD_CACHE";

    public static string Require(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
            Assert.Ignore($"set {variable} to a kernel source tree or its tarball to run this test");
        return value!;
    }
}
