namespace Harness.Kernels.Debian;

/// <summary>How Debian lays out its kernel packages: meta → concrete image → (7.2+) binary package → vmlinuz.</summary>
public static class KernelPackageRules
{
    /// <summary>
    /// The concrete linux-image package a meta-package (e.g. <c>linux-image-amd64</c>) depends on, or null when
    /// the record is already concrete. Debug symbols and unsigned twins are never the image to boot.
    /// </summary>
    public static AptRelation? ConcreteImageDependency(AptPackageRecord record) =>
        record.Depends
            .SelectMany(group => group)
            .FirstOrDefault(r => r.Name.StartsWith("linux-image-", StringComparison.Ordinal)
                && r.Name != record.Package
                && !r.Name.EndsWith("-dbg", StringComparison.Ordinal)
                && !r.Name.Contains("-unsigned", StringComparison.Ordinal));

    /// <summary>
    /// From 7.2 on the linux-image package is empty and depends on <c>linux-binary-&lt;ver&gt;</c>, which holds
    /// the vmlinuz; null for older packages, which hold it themselves.
    /// </summary>
    public static AptRelation? BinaryDependency(AptPackageRecord concrete) =>
        concrete.Depends
            .SelectMany(group => group)
            .FirstOrDefault(r => r.Name.StartsWith("linux-binary-", StringComparison.Ordinal));

    /// <summary>
    /// True for the kernel image inside a package's data tarball: <c>boot/vmlinuz-&lt;ver&gt;</c> up to 6.12,
    /// <c>usr/lib/modules/&lt;ver&gt;/vmlinuz</c> from 7.2 on.
    /// </summary>
    public static bool IsKernelImageMember(string tarEntryName)
    {
        var parts = tarEntryName.TrimStart('.', '/').Split('/');
        return parts switch
        {
            ["boot", var file] => file.StartsWith("vmlinuz-", StringComparison.Ordinal),
            ["usr", "lib", "modules", var version, "vmlinuz"] => version.Length > 0,
            ["lib", "modules", var version, "vmlinuz"] => version.Length > 0,
            _ => false,
        };
    }

    /// <summary>
    /// Package names, versions and suites become directory names in the cache, so they must be what Debian
    /// allows and nothing that could climb out of it.
    /// </summary>
    public static bool IsSafeName(string value) =>
        value.Length > 0
        && value is not "." and not ".."
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-' or '~' or ':' or '_');
}
