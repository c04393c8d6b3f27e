using Harness.Kernels.Debian;

namespace Harness.Tests.Kernels.Debian;

public class DebianSourceTarballTests
{
    [TestCase("./usr/src/linux-source-5.10.tar.xz", true)]
    [TestCase("usr/src/linux-source-7.2.tar.xz", true)]
    [TestCase("./usr/src/linux-source-5.10/", false)]
    [TestCase("./usr/share/doc/linux-source-5.10/changelog.Debian.gz", false)]
    [TestCase("./usr/src/linux-config-5.10.tar.xz", false)]
    public void Only_the_source_tarball_of_a_linux_source_package_is_taken(string member, bool taken) =>
        Assert.That(DebianSourceFetcher.IsSourceTarball(member), Is.EqualTo(taken));
}
