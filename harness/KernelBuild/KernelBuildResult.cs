namespace Harness.KernelBuild;

/// <summary>A built (or cached) kernel.</summary>
/// <param name="ImagePath">The bzImage in the cache: &lt;cache&gt;/kernels/build/&lt;key&gt;/bzImage.</param>
/// <param name="Key">SHA-256 of everything that produced the image (see <see cref="BuildKey"/>).</param>
/// <param name="FromCache">True when the image existed and make did not build it (selftests may have been built for it).</param>
/// <param name="Elapsed">Time spent, whether building or finding the cached image.</param>
/// <param name="LogPath">The make output of the build that produced the image.</param>
/// <param name="SelftestsDirectory">The static rseq selftests built with it, when the request asked for them.</param>
/// <param name="OriginalBuildSeconds">How long the build that made the image took (this one, or an earlier one when cached); null if unknown.</param>
/// <param name="Inputs">What went into the image (the source, fragment, patches and compiler), for its provenance.</param>
public sealed record KernelBuildResult(
    string ImagePath, string Key, bool FromCache, TimeSpan Elapsed, string LogPath,
    string? SelftestsDirectory = null, double? OriginalBuildSeconds = null, BuildInputs? Inputs = null)
{
    /// <summary>What run.json records about the build.</summary>
    public KernelBuildInfo Info => new(Key, LogPath, FromCache, Elapsed.TotalSeconds, OriginalBuildSeconds);
}
