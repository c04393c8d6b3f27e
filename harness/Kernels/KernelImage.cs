namespace Harness.Kernels;

/// <summary>A kernel image ready to boot, and where it came from.</summary>
/// <param name="ImagePath">The bzImage/vmlinuz in the cache (or the user's file for a path source).</param>
/// <param name="Identity">What exactly was fetched: for Debian "package=version", for a path the file's SHA-256.</param>
/// <param name="FromCache">True when nothing was downloaded or built for it this time.</param>
/// <param name="Elapsed">Time spent acquiring it.</param>
/// <param name="Build">For a kernel built from source: the build's key, log and times.</param>
/// <param name="SelftestsDirectory">Static selftest programs to put into the guest's /selftests, when built.</param>
public sealed record KernelImage(
    string ImagePath, string Identity, bool FromCache, TimeSpan Elapsed,
    KernelBuildInfo? Build = null, string? SelftestsDirectory = null);

/// <summary>What run.json records about a kernel built from source.</summary>
/// <param name="Key">The image's cache key (source identity, fragment, patches, compiler).</param>
/// <param name="LogPath">The make log of the build that produced the image.</param>
/// <param name="FromCache">True when the image was reused: <paramref name="Seconds"/> is then the warm time.</param>
/// <param name="Seconds">Time spent this run: the cold build, or finding the cached image.</param>
/// <param name="ColdBuildSeconds">How long building the image took when it was built (this run or earlier), if known.</param>
public sealed record KernelBuildInfo(string Key, string LogPath, bool FromCache, double Seconds, double? ColdBuildSeconds);
