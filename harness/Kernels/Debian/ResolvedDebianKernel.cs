namespace Harness.Kernels.Debian;

/// <summary>What a Debian kernel source resolves to today.</summary>
/// <param name="Package">The concrete linux-image package, e.g. <c>linux-image-6.1.0-50-amd64</c>.</param>
/// <param name="ImagePackage">The package that holds the vmlinuz: the same, or its <c>linux-binary-*</c> (7.2+).</param>
public sealed record ResolvedDebianKernel(
    string Suite,
    string Package,
    string Version,
    string ImagePackage,
    string ImageVersion,
    long? ImageDebSize)
{
    // Derived, so never written into the resolution memo (ResolutionMemo).
    [System.Text.Json.Serialization.JsonIgnore]
    public string Identity => $"{Package}={Version}";
}
