namespace Harness.Kernels;

/// <summary>
/// What a booted kernel was made from, as data a bisect, a comparison or a KCIDB export can key on
/// (the table shows <see cref="KernelImage.Identity"/>, a line for people). Each field is set when
/// the source has it: a Debian package, a git tree, a user's image, and for a build what went in.
/// </summary>
/// <param name="Debian">The Debian package the kernel (or the source it was built from) came from.</param>
/// <param name="TreeCommit">The git commit of a local source tree.</param>
/// <param name="UncommittedChanges">A hash of the tree's uncommitted changes (<c>git diff HEAD</c>), null when clean.</param>
/// <param name="ImageSha256">The SHA-256 of a user's own bzImage.</param>
/// <param name="PatchSha256s">The SHA-256 of each patch applied to a built kernel, in order.</param>
/// <param name="FragmentSha256">The SHA-256 of the config fragment a kernel was built with.</param>
/// <param name="Compiler">The compiler's version line a kernel was built with.</param>
/// <param name="BuildKey">The build cache key, which covers all of the above.</param>
public sealed record KernelProvenance(
    DebianPackageId? Debian = null,
    string? TreeCommit = null,
    string? UncommittedChanges = null,
    string? ImageSha256 = null,
    IReadOnlyList<string>? PatchSha256s = null,
    string? FragmentSha256 = null,
    string? Compiler = null,
    string? BuildKey = null)
{
    public IReadOnlyList<string> PatchSha256s { get; init; } = PatchSha256s ?? [];

    /// <summary>A Debian package from its identity, <c>package=version</c>, and its suite.</summary>
    public static KernelProvenance FromDebian(string identity, string suite)
    {
        var split = identity.IndexOf('=');
        return new(Debian: new DebianPackageId(split < 0 ? identity : identity[..split], split < 0 ? "" : identity[(split + 1)..], suite));
    }

    /// <summary>A local tree from its identity (<see cref="LocalTreeIdentity"/>): <c>git:COMMIT</c>, <c>git:COMMIT+dirty:HASH</c>, or a plain folder (no commit).</summary>
    public static KernelProvenance FromTree(string identity)
    {
        if (!identity.StartsWith("git:", StringComparison.Ordinal))
            return new();
        var parts = identity["git:".Length..].Split("+dirty:");
        return new(TreeCommit: parts[0], UncommittedChanges: parts.Length > 1 ? parts[1] : null);
    }
}

/// <summary>A Debian package at a version, as a suite offered it.</summary>
public sealed record DebianPackageId(string Package, string Version, string Suite);
