using Harness.KernelBuild;

namespace Harness.Kernels;

/// <summary>A kernel image ready to boot, and where it came from.</summary>
/// <param name="ImagePath">The bzImage/vmlinuz in the cache (or the user's file for a path source).</param>
/// <param name="Identity">What exactly was fetched: for Debian "package=version", for a path the file's SHA-256.</param>
/// <param name="FromCache">True when nothing was downloaded or built for it this time.</param>
/// <param name="Build">For a kernel built from source: the build's key, log and times.</param>
/// <param name="SelftestsDirectory">Static selftest programs to put into the guest's /selftests, when built.</param>
/// <param name="Provenance">What the kernel was made from, as data.</param>
/// <param name="PvhImagePath">The same kernel uncompressed, for QEMU to start through its PVH entry (see Pvh/PvhImage), when there is one.</param>
public sealed record KernelImage(
    string ImagePath, string Identity, bool FromCache,
    KernelBuildInfo? Build = null, string? SelftestsDirectory = null, KernelProvenance? Provenance = null,
    string? PvhImagePath = null)
{
    /// <summary>What QEMU's -kernel is given: the uncompressed PVH kernel when there is one, else the bzImage.</summary>
    public string BootPath => PvhImagePath ?? ImagePath;
}
