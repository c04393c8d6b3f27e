namespace Harness.Kernels.Debian;

/// <summary>One package relation, e.g. <c>linux-image-6.1.0-50-amd64 (= 6.1.176-1)</c>.</summary>
/// <param name="ExactVersion">The version when the relation pins one with <c>=</c>, else null.</param>
public sealed record AptRelation(string Name, string? ExactVersion);

/// <summary>The fields of an <c>apt-cache show</c> stanza the kernel resolution needs.</summary>
/// <param name="Depends">Groups of alternatives, in the order the package lists them.</param>
public sealed record AptPackageRecord(
    string Package,
    string Version,
    IReadOnlyList<IReadOnlyList<AptRelation>> Depends,
    long? Size,
    string? Sha256);
