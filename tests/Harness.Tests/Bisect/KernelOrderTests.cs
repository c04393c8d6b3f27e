using System.Buffers.Binary;
using System.Text;
using Harness.Bisect;
using Harness.Config;
using Harness.Kernels;
using Harness.Judging;

namespace Harness.Tests.Bisect;

/// <summary>How a matrix bisect puts kernels in version order: the release from the image's boot header, compared as a version.</summary>
public class KernelOrderTests
{
    /// <summary>The start of a bzImage: the "HdrS" header and a kernel_version pointer to <paramref name="version"/>.</summary>
    static byte[] Image(string version)
    {
        var image = new byte[0x1000];
        Encoding.ASCII.GetBytes("HdrS").CopyTo(image, 0x202);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x20E), 0x800 - 0x200);
        Encoding.ASCII.GetBytes(version + "\0garbage").CopyTo(image, 0x800);
        return image;
    }

    [Test]
    public void The_release_is_read_from_the_string_the_boot_header_points_to()
    {
        var image = Image("6.1.0-18-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1");

        Assert.That(KernelRelease.Release(image), Is.EqualTo("6.1.0-18-amd64"));
        Assert.That(KernelRelease.VersionLine(image), Does.EndWith("Debian 6.1.76-1"));
    }

    [Test]
    public void An_image_without_a_boot_header_has_no_release()
    {
        var image = Image("6.1.0");
        image[0x202] = (byte)'X';

        Assert.That(KernelRelease.Release(image), Is.Null);
    }

    [TestCase("5.10.0-9-amd64", "5.10.0-30-amd64")]
    [TestCase("6.1.0-18-amd64", "6.12.9-amd64")]
    [TestCase("5.10.0-30-amd64", "5.10.218")]
    [TestCase("6.1.0", "6.1.5")]
    [TestCase("7.2.0-rc3", "7.2.0-rc10")]
    public void Releases_compare_as_versions_not_as_text(string older, string newer)
    {
        Assert.That(ReleaseOrder.Instance.Compare(older, newer), Is.Negative);
        Assert.That(ReleaseOrder.Instance.Compare(newer, older), Is.Positive);
    }

    [Test]
    public void Kernels_of_the_same_release_keep_the_order_the_matrix_gives()
    {
        // The loader requires a path kernel to exist when the matrix is read.
        using var images = new ScratchFolder();
        foreach (var image in new[] { "a", "b", "c", "d" })
            images.Write(image, "");
        var matrix = MatrixLoader.Parse("""
            kernels:
              - { name: newer, source: { path: a } }
              - { name: twin-a, source: { path: b } }
              - { name: older, source: { path: c } }
              - { name: twin-b, source: { path: d } }
            """, images.File("order.yaml"));
        var releases = new Dictionary<string, string> { ["newer"] = "6.12.1", ["twin-a"] = "5.10.218", ["older"] = "5.10.0-30-amd64", ["twin-b"] = "5.10.218" };

        var order = KernelOrder.Sort(matrix.Kernels.Select(k => new OrderedKernel(k, releases[k.Name])));

        Assert.That(order.Select(k => k.Name), Is.EqualTo(new[] { "older", "twin-a", "twin-b", "newer" }));
    }
}
