namespace Harness.Tests.Config;

public class MatrixLoaderKeyErrorTests
{
    [Test]
    public void An_unknown_kernel_key_is_named_with_the_keys_allowed_there()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: bookworm
                source: { debian: linux-image-amd64, suite: bookworm }
                cpu: 2
            """);

        MatrixErrors.AssertAt(error, 4, 5,
            "unknown key 'cpu' in kernel 'bookworm' (expected one of: name, source, expect, cpus, memory, numa_nodes, boot_timeout, test_timeout, silence_timeout, kernel_args, guest)");
    }

    [Test]
    public void An_unknown_top_level_key_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernel:
              - name: a
            """);

        MatrixErrors.AssertAt(error, 1, 1, "unknown key 'kernel' in the top level (expected one of: defaults, kernels)");
    }

    [Test]
    public void An_unknown_guest_key_in_the_defaults_is_rejected()
    {
        var error = MatrixErrors.Of("""
            defaults:
              guest:
                second: 3
            kernels:
              - name: a
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 3, 5, "unknown key 'second' in defaults.guest");
    }

    [Test]
    public void A_missing_kernels_key_is_reported_at_the_mapping_that_lacks_it()
    {
        var error = MatrixErrors.Of("""
            # no kernels here
            defaults:
              cpus: 2
            """);

        MatrixErrors.AssertAt(error, 2, 1, "missing key 'kernels' in the top level");
    }

    [Test]
    public void A_kernel_without_a_name_is_reported_by_its_place_in_the_list()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source: { path: bzImage }
              - source: { path: other }
            """);

        MatrixErrors.AssertAt(error, 4, 5, "missing key 'name' in kernel #2");
    }

    [Test]
    public void A_kernel_without_a_source_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                expect: pass
            """);

        MatrixErrors.AssertAt(error, 2, 5, "missing key 'source' in kernel 'a'");
    }

    [Test]
    public void A_key_given_twice_in_one_mapping_is_rejected_at_the_second()
    {
        var error = MatrixErrors.Of("""
            defaults:
              cpus: 2
              cpus: 4
            kernels:
              - name: a
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 3, 3, "duplicate key 'cpus'");
    }
}
