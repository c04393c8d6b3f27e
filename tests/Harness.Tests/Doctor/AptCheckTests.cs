using Harness.Doctor;

namespace Harness.Tests.Doctor;

public class AptCheckTests
{
    DoctorMatrices _matrices = null!;

    [SetUp]
    public void CreateMatrices() => _matrices = new DoctorMatrices();

    [TearDown]
    public void RemoveMatrices() => _matrices.Dispose();

    [Test]
    public void The_suites_are_those_of_kernel_images_and_kernel_sources_each_once_in_file_order()
    {
        Assert.That(AptCheck.SuitesOf(_matrices.WithDebianKernelsAndABuild()), Is.EqualTo(new[] { "bookworm", "sid", "bullseye" }));
    }

    [Test]
    public async Task A_matrix_without_Debian_kernels_reaches_for_no_archive()
    {
        var cache = _matrices.EmptyFolder;

        var results = await new AptCheck(cache, TimeProvider.System, etcApt: "/nonexistent").RunAsync(_matrices.WithPathKernelsOnly(), CancellationToken.None);

        Assert.That(results.Single().Status, Is.EqualTo(CheckStatus.Ok));
        Assert.That(Directory.EnumerateFileSystemEntries(cache), Is.Empty);
    }

    [Test]
    public async Task A_host_without_a_Debian_mirror_in_its_apt_sources_is_an_environment_failure()
    {
        var results = await new AptCheck(_matrices.EmptyFolder, TimeProvider.System, etcApt: _matrices.EmptyFolder)
            .RunAsync(_matrices.WithDebianKernelsAndABuild(), CancellationToken.None);

        var result = results.Single();
        Assert.That(result.Status, Is.EqualTo(CheckStatus.Fail));
        Assert.That(result.IsMissingProgram, Is.False);
        Assert.That(result.Evidence, Does.Contain("no Debian archive mirror"));
    }
}
