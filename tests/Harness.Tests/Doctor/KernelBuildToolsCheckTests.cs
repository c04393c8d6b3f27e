using Harness.Doctor;

namespace Harness.Tests.Doctor;

public class KernelBuildToolsCheckTests
{
    DoctorMatrices _matrices = null!;

    [SetUp]
    public void CreateMatrices() => _matrices = new DoctorMatrices();

    [TearDown]
    public void RemoveMatrices() => _matrices.Dispose();

    [Test]
    public void A_matrix_with_a_build_kernel_and_no_make_on_PATH_fails_naming_the_packages_to_install()
    {
        var result = KernelBuildToolsCheck.Run(_matrices.WithDebianKernelsAndABuild(), pathVariable: _matrices.EmptyFolder);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(CheckStatus.Fail));
            Assert.That(result.IsMissingProgram, Is.True);
            Assert.That(result.Packages, Does.Contain("make").And.Contain("gcc").And.Contain("flex").And.Contain("bison"));
            Assert.That(result.Evidence, Does.Contain("make").And.Contain("control-5.10-fork"));
        });
    }

    [Test]
    public void A_matrix_without_build_kernels_needs_no_build_tools_even_when_none_is_there()
    {
        var result = KernelBuildToolsCheck.Run(_matrices.WithPathKernelsOnly(), pathVariable: _matrices.EmptyFolder);

        Assert.That(result.Status, Is.EqualTo(CheckStatus.Ok));
        Assert.That(result.Evidence, Does.StartWith("not needed"));
    }
}
