using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class KernelPackageRulesTests
{
    private static AptPackageRecord Record(string package, string depends) =>
        new(package, "1", AptRecordParser.ParseRelations(depends), Size: null, Sha256: null);

    [Test]
    public void A_meta_package_leads_to_the_linux_image_it_pins()
    {
        var meta = Record("linux-image-amd64",
            "linux-base-amd64 (= 7.2.13-1), linux-image-7.2.13+deb14-amd64 (= 7.2.13-1)");

        Assert.That(KernelPackageRules.ConcreteImageDependency(meta),
            Is.EqualTo(new AptRelation("linux-image-7.2.13+deb14-amd64", "7.2.13-1")));
    }

    [Test]
    public void Debug_and_unsigned_images_are_not_the_one_to_boot()
    {
        var meta = Record("linux-image-amd64-dbg-bundle",
            "linux-image-6.1.0-50-amd64-dbg (= 6.1.176-1), linux-image-6.1.0-50-amd64-unsigned (= 6.1.176-1), linux-image-6.1.0-50-amd64 (= 6.1.176-1)");

        Assert.That(KernelPackageRules.ConcreteImageDependency(meta)?.Name, Is.EqualTo("linux-image-6.1.0-50-amd64"));
    }

    [Test]
    public void A_concrete_image_package_has_no_further_image_dependency()
    {
        var concrete = Record("linux-image-6.1.0-50-amd64",
            "kmod, linux-base (>= 4.3~), initramfs-tools (>= 0.120+deb8u2) | linux-initramfs-tool");

        Assert.That(KernelPackageRules.ConcreteImageDependency(concrete), Is.Null);
        Assert.That(KernelPackageRules.BinaryDependency(concrete), Is.Null);
    }

    [Test]
    public void From_7_2_on_the_image_package_points_to_its_binary_package()
    {
        var concrete = Record("linux-image-7.3-amd64",
            "dracut | initramfs-tools (>= 0.120+deb8u2) | linux-initramfs-tool, linux-base-7.3-amd64 (= 7.3~rc7-1~exp1), "
            + "linux-binary-7.3-amd64 (= 7.3~rc7-1~exp1), linux-modules-7.3-amd64 (= 7.3~rc7-1~exp1)");

        Assert.That(KernelPackageRules.ConcreteImageDependency(concrete), Is.Null);
        Assert.That(KernelPackageRules.BinaryDependency(concrete),
            Is.EqualTo(new AptRelation("linux-binary-7.3-amd64", "7.3~rc7-1~exp1")));
    }

    [TestCase("./boot/vmlinuz-6.1.0-50-amd64", ExpectedResult = true)]
    [TestCase("./usr/lib/modules/7.2.13+deb14-amd64/vmlinuz", ExpectedResult = true)]
    [TestCase("lib/modules/6.1.0-50-amd64/vmlinuz", ExpectedResult = true)]
    [TestCase("./boot/System.map-6.1.0-50-amd64", ExpectedResult = false)]
    [TestCase("./boot/config-6.1.0-50-amd64", ExpectedResult = false)]
    [TestCase("./usr/lib/modules/7.2.13+deb14-amd64/kernel/fs/ext4/ext4.ko.xz", ExpectedResult = false)]
    [TestCase("./usr/share/doc/linux-binary-7.2.13+deb14-amd64", ExpectedResult = false)]
    [TestCase("./boot/", ExpectedResult = false)]
    public bool Only_the_kernel_image_member_is_picked(string member) =>
        KernelPackageRules.IsKernelImageMember(member);

    [TestCase("linux-image-7.2.13+deb14-amd64", ExpectedResult = true)]
    [TestCase("7.3~rc7-1~exp1", ExpectedResult = true)]
    [TestCase("bookworm-backports", ExpectedResult = true)]
    [TestCase("../etc", ExpectedResult = false)]
    [TestCase("sid/main", ExpectedResult = false)]
    [TestCase("..", ExpectedResult = false)]
    [TestCase("", ExpectedResult = false)]
    public bool Names_that_become_cache_directories_are_checked(string name) =>
        KernelPackageRules.IsSafeName(name);
}
