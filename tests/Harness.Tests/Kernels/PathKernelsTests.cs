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

    [Test]
    public async Task A_relative_path_is_found_beside_the_matrix_file_and_identified_by_its_hash()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "images"));
        await File.WriteAllBytesAsync(Path.Combine(_directory, "images", "bzImage"), FakeBzImage.Bytes());

        var image = await PathKernels.GetAsync(new PathKernelSource("images/bzImage"), _directory, CancellationToken.None);

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

        var a = await PathKernels.GetAsync(new PathKernelSource("a"), _directory, CancellationToken.None);
        var b = await PathKernels.GetAsync(new PathKernelSource("b"), _directory, CancellationToken.None);

        Assert.That(a.Identity, Is.Not.EqualTo(b.Identity));
    }

    [Test]
    public void An_absolute_path_ignores_the_matrix_directory()
    {
        var absolute = Path.Combine(_directory, "bzImage");
        Assert.That(PathKernels.ResolvePath(new PathKernelSource(absolute), "/somewhere/else"), Is.EqualTo(absolute));
    }

    [Test]
    public void A_missing_file_gives_a_one_line_error_with_its_full_path()
    {
        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => PathKernels.GetAsync(new PathKernelSource("nope/bzImage"), _directory, CancellationToken.None));

        Assert.That(error.Message, Does.Contain(Path.Combine(_directory, "nope", "bzImage")).And.Contain("does not exist"));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public async Task A_file_without_the_boot_header_is_rejected()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "vmlinux"), "not a kernel");

        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => PathKernels.GetAsync(new PathKernelSource("vmlinux"), _directory, CancellationToken.None));

        Assert.That(error.Message, Does.Contain("is not a bzImage"));
    }

    [Test]
    public void A_directory_is_rejected()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "boot"));

        var error = Assert.ThrowsAsync<KernelAcquisitionException>(
            () => PathKernels.GetAsync(new PathKernelSource("boot"), _directory, CancellationToken.None));

        Assert.That(error.Message, Does.Contain("is a directory"));
    }
}
