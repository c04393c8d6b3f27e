using Harness.Config;

namespace Harness.Tests.Config;

/// <summary>A <c>path:</c> kernel is found when the file is read, as a build's files are: a typo fails at its line and column.</summary>
public class MatrixLoaderPathSourceTests
{
    static string OneKernel(string path) => $"kernels:\n  - name: mine\n    source:\n      path: {path}\n";

    [Test]
    public void A_missing_image_is_an_error_at_the_path_naming_the_file_it_looked_for()
    {
        var error = MatrixErrors.Of(OneKernel("bzImage-typo"));

        MatrixErrors.AssertAt(error, 4, 13, $"'path' in source of kernel 'mine': '{Path.Combine(MatrixFolder.Directory, "bzImage-typo")}' does not exist");
    }

    [Test]
    public void A_relative_path_is_looked_for_beside_the_matrix_file_not_in_the_working_directory()
    {
        // "out/bzImage" exists above the matrix's folder; relative to the matrix file it does not.
        var error = MatrixErrors.Of(OneKernel("out/bzImage"));

        MatrixErrors.AssertAt(error, 4, 13, $"'{Path.Combine(MatrixFolder.Directory, "out", "bzImage")}' does not exist");
    }

    [Test]
    public void An_absolute_path_is_kept_as_it_is()
    {
        var image = Path.Combine(MatrixFolder.Root, "out", "bzImage");

        var source = MatrixLoader.Parse(OneKernel(image), MatrixErrors.FileName).Kernels.Single().Source;

        Assert.That(source, Is.EqualTo(new PathKernelSource(image)));
    }

    [Test]
    public void A_folder_where_the_image_should_be_is_an_error_at_the_path()
    {
        var error = MatrixErrors.Of(OneKernel(".."));

        MatrixErrors.AssertAt(error, 4, 13, $"'{MatrixFolder.Root}' is a directory, not a file");
    }

    [Test]
    public void An_empty_path_is_an_error_at_the_path()
    {
        var error = MatrixErrors.Of(OneKernel("\"\""));

        MatrixErrors.AssertAt(error, 4, 13, "'path' in source of kernel 'mine' is empty");
    }
}
