namespace Harness.Tests.Config;

public class MatrixLoaderTypeErrorTests
{
    [Test]
    public void A_word_where_an_integer_is_expected_is_rejected_at_the_value()
    {
        var error = MatrixErrors.Of("""
            defaults:
              cpus: four
            kernels:
              - name: a
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 2, 9, "'cpus' in defaults must be an integer, got 'four'");
    }

    [Test]
    public void A_quoted_number_is_a_string_not_an_integer()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source: { path: bzImage }
                memory: "1024"
            """);

        MatrixErrors.AssertAt(error, 4, 13, "'memory' in kernel 'a' must be an integer, got '1024'");
    }

    [Test]
    public void A_list_where_a_mapping_is_expected_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source:
                  - path: bzImage
            """);

        MatrixErrors.AssertAt(error, 4, 7, "'source' in kernel 'a' must be a mapping, got a list");
    }

    [Test]
    public void A_mapping_where_the_kernel_list_is_expected_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              name: a
            """);

        MatrixErrors.AssertAt(error, 2, 3, "'kernels' in the top level must be a list, got a mapping");
    }

    [Test]
    public void A_value_out_of_range_names_the_range()
    {
        var error = MatrixErrors.Of("""
            defaults:
              memory: 64
            kernels:
              - name: a
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 2, 11, "'memory' in defaults must be from 128 to 65536, got 64");
    }

    [Test]
    public void Guest_seconds_below_the_minimum_are_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source: { path: bzImage }
                guest: { seconds: 0.01 }
            """);

        MatrixErrors.AssertAt(error, 4, 23, "'seconds' in guest of kernel 'a' must be from 0.1 to 600, got 0.01");
    }

    [Test]
    public void An_unknown_accel_word_lists_the_choices()
    {
        var error = MatrixErrors.Of("""
            defaults:
              accel: hvf
            kernels:
              - name: a
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 2, 10, "'accel' in defaults must be one of: auto, kvm, tcg; got 'hvf'");
    }

    [Test]
    public void An_empty_value_where_an_integer_is_expected_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source: { path: bzImage }
                boot_timeout:
                expect: pass
            """);

        Assert.That(error.Message, Does.Contain("'boot_timeout' in kernel 'a' must be an integer, got nothing"));
        Assert.That(error.Location.Line, Is.EqualTo(4).Or.EqualTo(5));
    }

    [Test]
    public void A_multi_line_value_is_quoted_on_one_line()
    {
        var error = MatrixErrors.Of("""
            defaults:
              cpus: |
                four
                cores
            kernels:
              - name: a
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 2, 9, @"got 'four\ncores\n'");
    }

    [Test]
    public void Kernel_args_on_two_lines_are_rejected_at_the_value()
    {
        var error = MatrixErrors.Of("""
            defaults:
              kernel_args: "a=1\nb=2"
            kernels:
              - name: a
                source: { path: bzImage }
            """);

        MatrixErrors.AssertAt(error, 2, 16, "'kernel_args' in defaults must be one line of at most 1024 printable characters");
    }
}
