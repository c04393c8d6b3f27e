namespace Harness.Tests.Config;

public class MatrixLoaderKernelErrorTests
{
    [Test]
    public void A_second_kernel_with_the_same_name_is_rejected_naming_the_first()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: bookworm
                source: { path: a }
              - name: bookworm
                source: { path: b }
            """);

        MatrixErrors.AssertAt(error, 4, 11, "duplicate kernel name 'bookworm' (first at line 2)");
    }

    [Test]
    public void A_source_with_both_debian_and_path_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source:
                  debian: linux-image-amd64
                  suite: bookworm
                  path: bzImage
            """);

        MatrixErrors.AssertAt(error, 4, 7, "source of kernel 'a' has both 'debian' and 'path'");
    }

    [Test]
    public void A_source_with_neither_debian_nor_path_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source: { suite: bookworm }
            """);

        MatrixErrors.AssertAt(error, 3, 13, "source of kernel 'a' needs 'debian'");
    }

    [Test]
    public void A_debian_source_without_a_suite_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source:
                  debian: linux-image-amd64
            """);

        MatrixErrors.AssertAt(error, 4, 7, "missing key 'suite' in source of kernel 'a'");
    }

    [Test]
    public void An_empty_kernel_list_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels: []
            """);

        MatrixErrors.AssertAt(error, 1, 10, "'kernels' in the top level is empty");
    }

    [Test]
    public void An_unknown_scenario_is_rejected_with_the_known_ones()
    {
        var error = MatrixErrors.Of("""
            defaults:
              guest:
                scenarios: [fork_cpu_id, migrate]
            kernels:
              - name: a
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 3, 30, $"unknown scenario 'migrate' in 'scenarios' in defaults.guest (known: {string.Join(", ", global::Protocol.ScenarioNames.All)})");
    }

    [Test]
    public void A_kernel_name_with_capitals_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: Bookworm
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 2, 11, "'name' in kernel 'Bookworm' must be lowercase letters");
    }

    [Test]
    public void A_kernel_that_is_not_a_mapping_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - bookworm
            """);

        MatrixErrors.AssertAt(error, 2, 5, "kernel #1 must be a mapping, got 'bookworm'");
    }
}
