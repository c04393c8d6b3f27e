using Harness.Config;
using Harness.Kernels;

namespace Harness.Tests.Kernels;

public class PathKernelsTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() =>
        _directory = Directory.CreateTempSubdirectory("path-kernels-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    PathKernelSource Source(string name) => new(Path.Combine(_directory, name));

    [Test]
    public async Task An_image_is_booted_from_its_path_and_identified_by_its_hash()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "images"));
        await File.WriteAllBytesAsync(Path.Combine(_directory, "images", "bzImage"), FakeBzImage.Bytes());

        var image = await PathKernels.GetAsync(Source("images/bzImage"), CancellationToken.None);

        Assert.That(image.ImagePath, Is.EqualTo(Path.Combine(_directory, "images", "bzImage")));
        Assert.That(image.Identity, Does.Match("^sha256:[0-9a-f]{64}$"));
        Assert.That(image.Provenance?.ImageSha256, Is.EqualTo(image.Identity["sha256:".Length..]));
        Assert.That(image.FromCache, Is.True);
    }

    [Test]
    public async Task Two_different_images_have_different_identities()
    {
        var other = FakeBzImage.Bytes();
        other[^1] = 1;
        await File.WriteAllBytesAsync(Path.Combine(_directory, "a"), FakeBzImage.Bytes());
        await File.WriteAllBytesAsync(Path.Combine(_directory, "b"), other);

        var a = await PathKernels.GetAsync(Source("a"), CancellationToken.None);
        var b = await PathKernels.GetAsync(Source("b"), CancellationToken.None);

        Assert.That(a.Identity, Is.Not.EqualTo(b.Identity));
    }

    // The matrix loader found it; a file removed between the load and the boot is this kernel's ERROR.
    [Test]
    public void A_file_gone_since_the_matrix_was_read_gives_a_one_line_error_with_its_full_path()
    {
        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => PathKernels.GetAsync(Source("nope/bzImage"), CancellationToken.None));

        Assert.That(error.Message, Does.Contain(Path.Combine(_directory, "nope", "bzImage")).And.Contain("does not exist"));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public async Task A_file_without_the_boot_header_is_rejected()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "vmlinux"), "not a kernel");

        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => PathKernels.GetAsync(Source("vmlinux"), CancellationToken.None));

        Assert.That(error.Message, Does.Contain("is not a bzImage"));
    }

    [Test]
    public void A_directory_is_rejected()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "boot"));

        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => PathKernels.GetAsync(Source("boot"), CancellationToken.None));

        Assert.That(error.Message, Does.Contain("is a directory"));
    }
}
