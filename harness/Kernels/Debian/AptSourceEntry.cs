namespace Harness.Kernels.Debian;

/// <summary>One entry of the host's apt sources, in either file format.</summary>
/// <param name="SignedBy">The keyring path, or null when none is named (or the key is inline).</param>
public sealed record AptSourceEntry(
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Uris,
    IReadOnlyList<string> Suites,
    IReadOnlyList<string> Components,
    string? SignedBy);
