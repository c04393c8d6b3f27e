using Harness.Config;

namespace Harness.Tests.Config;

public class MatrixLoaderFileErrorTests
{
    [Test]
    public void A_missing_file_gives_a_one_line_error_with_its_path()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such-dir", "kernels.yaml");

        var error = Assert.Throws<MatrixException>(() => MatrixLoader.Load(path))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"{path}: file not found"));
            Assert.That(error.Location.HasPosition, Is.False);
        });
    }

    [Test]
    public void A_file_on_disk_is_loaded_and_keeps_its_absolute_path()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("bzImage", "");
        var path = scratch.Write("kernels.yaml", "kernels:\n  - name: a\n    source: { path: bzImage }\n");

        var matrix = MatrixLoader.Load(path);

        Assert.That(matrix.FilePath, Is.EqualTo(Path.GetFullPath(path)));
    }

    [Test]
    public void A_yaml_syntax_error_keeps_the_parser_position_and_message()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
               source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 3, 4, "did not find expected '-' indicator");
    }

    [Test]
    public void A_tab_in_indentation_is_reported_after_the_last_good_position()
    {
        var error = MatrixErrors.Of("kernels:\n  - name: a\n    source: { path: bzImage }\n\tcpus: 2\n");

        MatrixErrors.AssertAt(error, 3, 29, "invalid tab as indentation");
    }

    [Test]
    public void An_unclosed_brace_that_trips_the_yaml_scanner_is_a_matrix_error()
    {
        // YamlDotNet's scanner throws InvalidOperationException on this, not a YamlException.
        var error = MatrixErrors.Of("kernels:\n  - name: a\n    source: {path: x\n    cpus: 2\n");

        MatrixErrors.AssertAt(error, 3, 18, "an unclosed '{', '[' or quote?");
    }

    [Test]
    public void An_empty_file_asks_for_a_kernel_list()
    {
        var error = MatrixErrors.Of("# only a comment\n");

        MatrixErrors.AssertAt(error, 1, 1, "the file is empty");
    }

    [Test]
    public void A_second_yaml_document_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source: { path: bzImage }
            ---
            kernels: []
            """);

        MatrixErrors.AssertAt(error, 5, 1, "only one YAML document is allowed");
    }
}
