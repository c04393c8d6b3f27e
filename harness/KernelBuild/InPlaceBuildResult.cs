namespace Harness.KernelBuild;

/// <summary>What an in-place build of the checked-out commit gave.</summary>
/// <param name="ImagePath">The bzImage in the build folder: the next build overwrites it, so boot it before building again.</param>
/// <param name="Seconds">Wall time of configure and make, the figure a bisect step reports.</param>
/// <param name="LogPath">The make output of this build.</param>
public sealed record InPlaceBuildResult(string ImagePath, double Seconds, string LogPath);
