namespace Harness.KernelBuild;

/// <summary>What run.json records about a kernel built from source.</summary>
/// <param name="Key">The image's cache key (source identity, fragment, patches, compiler).</param>
/// <param name="LogPath">The make log of the build that produced the image.</param>
/// <param name="FromCache">True when the image was reused: <paramref name="Seconds"/> is then the warm time.</param>
/// <param name="Seconds">Time spent this run: the cold build, or finding the cached image.</param>
/// <param name="ColdBuildSeconds">How long building the image took when it was built (this run or earlier), if known.</param>
public sealed record KernelBuildInfo(string Key, string LogPath, bool FromCache, double Seconds, double? ColdBuildSeconds);
