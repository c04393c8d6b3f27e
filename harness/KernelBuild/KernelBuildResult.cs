using Harness.Kernels;

namespace Harness.KernelBuild;

/// <summary>A built (or cached) kernel.</summary>
/// <param name="ImagePath">The bzImage in the cache: &lt;cache&gt;/kernels/build/&lt;key&gt;/bzImage.</param>
/// <param name="Key">SHA-256 of everything that produced the image (see <see cref="BuildKey"/>).</param>
/// <param name="FromCache">True when the image existed and make did not run.</param>
/// <param name="Elapsed">Time spent, whether building or finding the cached image.</param>
/// <param name="LogPath">The make output of the build that produced the image.</param>
public sealed record KernelBuildResult(string ImagePath, string Key, bool FromCache, TimeSpan Elapsed, string LogPath)
{
    /// <summary>The form the rest of the pipeline boots.</summary>
    public KernelImage ToKernelImage(string sourceIdentity) =>
        new(ImagePath, $"{sourceIdentity} build {Key[..12]}", FromCache, Elapsed);
}
