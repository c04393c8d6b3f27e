using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class AptRecordParserTests
{
    // Trimmed from `apt-cache show linux-image-amd64/experimental`.
    private const string MetaPackage = """
        Package: linux-image-amd64
        Source: linux-signed-amd64 (7.3~rc7+1~exp1)
        Version: 7.3~rc7-1~exp1
        Provides: linux-image-generic, wireguard-modules (= 1.0.0)
        Depends: linux-base-amd64 (= 7.3~rc7-1~exp1), linux-image-7.3-amd64 (= 7.3~rc7-1~exp1), linux-modules-amd64 (= 7.3~rc7-1~exp1)
        Description: Linux for 64-bit PCs (meta-package)
         This package depends on the latest Linux kernel.
        Size: 1684
        SHA256: 4f8c3035d2ce27d76021393ce68d4d3c99c8e8e14a1277058c69d7a8a157e235

        Package: linux-image-amd64
        Version: 7.2~rc3-1~exp1
        Depends: linux-image-7.2-amd64 (= 7.2~rc3-1~exp1)

        """;

    [Test]
    public void The_first_stanza_gives_name_version_size_and_hash()
    {
        var record = AptRecordParser.ParseFirst(MetaPackage);

        Assert.That(record, Is.Not.Null);
        Assert.That(record!.Package, Is.EqualTo("linux-image-amd64"));
        Assert.That(record.Version, Is.EqualTo("7.3~rc7-1~exp1"));
        Assert.That(record.Size, Is.EqualTo(1684));
        Assert.That(record.Sha256, Does.StartWith("4f8c3035"));
    }

    [Test]
    public void Depends_keeps_names_and_exact_versions_in_order()
    {
        var depends = AptRecordParser.ParseFirst(MetaPackage)!.Depends;

        Assert.That(depends.Select(g => g[0]), Is.EqualTo(new[]
        {
            new AptRelation("linux-base-amd64", "7.3~rc7-1~exp1"),
            new AptRelation("linux-image-7.3-amd64", "7.3~rc7-1~exp1"),
            new AptRelation("linux-modules-amd64", "7.3~rc7-1~exp1"),
        }));
    }

    [Test]
    public void Alternatives_and_lower_bounds_are_read_without_an_exact_version()
    {
        var depends = AptRecordParser.ParseRelations("dracut | initramfs-tools (>= 0.120+deb8u2) | linux-initramfs-tool, kmod:any");

        Assert.That(depends, Has.Count.EqualTo(2));
        Assert.That(depends[0], Is.EqualTo(new[]
        {
            new AptRelation("dracut", null),
            new AptRelation("initramfs-tools", null),
            new AptRelation("linux-initramfs-tool", null),
        }));
        Assert.That(depends[1], Is.EqualTo(new[] { new AptRelation("kmod", null) }));
    }

    [Test]
    public void Empty_output_means_no_package()
    {
        Assert.That(AptRecordParser.ParseFirst(""), Is.Null);
    }
}
