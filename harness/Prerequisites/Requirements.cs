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

    /// <summary>The test suite also checks the cpio writer against the system's cpio.</summary>
    public static IReadOnlyList<Requirement> ForTests { get; } =
    [
        .. ForRun,
        new("cpio", "cpio", "the tests check the initramfs against the system cpio"),
    ];
}
