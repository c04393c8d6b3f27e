using Harness.Config;

namespace Harness.Bisect;

/// <summary>A matrix kernel with the release its image carries, in the order a matrix bisect halves.</summary>
public sealed record OrderedKernel(KernelEntry Entry, string Release)
{
    public string Name => Entry.Name;
}
