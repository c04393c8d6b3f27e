using Harness.Config;
using Protocol;

namespace Harness.Tests.Config;

public class MatrixLoaderDepthTests
{
    [Test]
    public void Without_a_depth_every_kernel_runs_standard_with_the_depths_own_cap_and_multiple()
    {
        var matrix = MatrixLoader.Parse("""
            kernels:
              - name: a
                source: { path: bzImage }
            """, MatrixErrors.FileName);

        var guest = matrix.Kernels.Single().Machine.Guest;
        Assert.That(guest.Depth, Is.EqualTo(StressDepth.Standard));
        Assert.That(guest.Seconds, Is.Null);
        Assert.That(guest.StressMultiple, Is.Null);
        Assert.That(guest.CapSeconds, Is.EqualTo(StressDepthProfile.Of(StressDepth.Standard).CapSeconds));
    }

    [Test]
    public void A_depth_in_defaults_holds_for_every_kernel_and_a_kernel_may_set_its_own()
    {
        var matrix = MatrixLoader.Parse("""
            defaults:
              guest:
                depth: quick
            kernels:
              - name: a
                source: { path: bzImage }
              - name: nightly
                source: { path: bzImage }
                guest: { depth: deep }
            """, MatrixErrors.FileName);

        Assert.That(matrix.Kernels[0].Machine.Guest.Depth, Is.EqualTo(StressDepth.Quick));
        Assert.That(matrix.Kernels[1].Machine.Guest.Depth, Is.EqualTo(StressDepth.Deep));
        Assert.That(matrix.Kernels[1].Machine.Guest.CapSeconds, Is.EqualTo(StressDepthProfile.Of(StressDepth.Deep).CapSeconds));
    }

    [Test]
    public void Seconds_set_anywhere_override_the_depths_cap_and_a_stress_multiple_its_multiple()
    {
        var matrix = MatrixLoader.Parse("""
            defaults:
              guest:
                seconds: 4
            kernels:
              - name: a
                source: { path: bzImage }
                guest: { depth: deep, stress_multiple: 25 }
            """, MatrixErrors.FileName);

        var guest = matrix.Kernels.Single().Machine.Guest;
        Assert.That(guest.CapSeconds, Is.EqualTo(4));
        Assert.That(guest.StressMultiple, Is.EqualTo(25));
    }

    [Test]
    public void An_unknown_depth_lists_the_choices_at_its_line_and_column()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source: { path: bzImage }
                guest: { depth: thorough }
            """);

        MatrixErrors.AssertAt(error, 4, 21, "'depth' in guest of kernel 'a' must be one of: quick, standard, deep; got 'thorough'");
    }

    [Test]
    public void A_stress_multiple_below_one_is_rejected_since_a_pass_needs_the_minimum_anyway()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: a
                source: { path: bzImage }
                guest: { stress_multiple: 0.5 }
            """);

        MatrixErrors.AssertAt(error, 4, 31, "'stress_multiple' in guest of kernel 'a' must be from 1 to 1000, got 0.5");
    }
}
