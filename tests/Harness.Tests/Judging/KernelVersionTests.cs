
using Harness.Judging;

namespace Harness.Tests.Judging;

public class KernelVersionTests
{
    [TestCase("6.1.0-50-amd64", 6, 1)]
    [TestCase("7.3-amd64", 7, 3)]
    [TestCase("5.10.223", 5, 10)]
    [TestCase("6.12.117+deb13-amd64", 6, 12)]
    [TestCase("7.3.0-rc7", 7, 3)]
    [TestCase("4.18", 4, 18)]
    [TestCase(" 6.3.0 ", 6, 3)]
    public void The_major_and_minor_are_read_from_a_release(string release, int major, int minor) =>
        Assert.That(KernelVersion.Parse(release), Is.EqualTo(new KernelVersion(major, minor)));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("amd64")]
    [TestCase("6")]
    [TestCase("6.")]
    [TestCase("6.12abc")]
    [TestCase("v6.1")]
    [TestCase("99999.1")]
    public void Text_that_does_not_begin_with_major_dot_minor_is_no_version(string? release) =>
        Assert.That(KernelVersion.Parse(release), Is.Null);

    [Test]
    public void Versions_compare_by_number_not_by_text()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new KernelVersion(6, 12) >= KernelVersion.NodeIdMmCid, Is.True);
            Assert.That(new KernelVersion(6, 2) >= KernelVersion.NodeIdMmCid, Is.False);
            Assert.That(new KernelVersion(5, 10) >= KernelVersion.Rseq, Is.True);
            Assert.That(new KernelVersion(4, 9) >= KernelVersion.Rseq, Is.False);
            Assert.That(new KernelVersion(10, 0) > new KernelVersion(9, 99), Is.True);
        });
    }
}
