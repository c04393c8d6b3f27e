namespace Harness.KernelBuild;

/// <summary>What to build: a kernel source, a config fragment merged onto tinyconfig, and patches.</summary>
/// <param name="Source">An unpacked source tree (a directory) or a source tarball (.tar.xz, .tar.gz …).</param>
/// <param name="SourceIdentity">
/// Names exactly which source this is, e.g. "linux-source-5.10=5.10.223-1" or a git commit. Trees and
/// images are cached by it, so two different sources must never share an identity.
/// </param>
/// <param name="FragmentPath">Kconfig fragment merged onto tinyconfig (see configs/).</param>
/// <param name="PatchPaths">Patches applied with <c>patch -p1</c>, in this order.</param>
/// <param name="Selftests">Also build the tree's rseq selftests (static), kept with the image.</param>
public sealed record KernelBuildRequest(
    string Source,
    string SourceIdentity,
    string FragmentPath,
    IReadOnlyList<string> PatchPaths,
    bool Selftests = false);
