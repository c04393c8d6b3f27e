using Guest.Rseq;

namespace Guest.Tests.Rseq;

/// <summary>
/// The ABI v2 registration's length and alignment from the auxiliary vector, checked against what
/// sys_rseq accepts: 7.2's rseq_length_valid() wants a length of at least AT_RSEQ_FEATURE_SIZE on an
/// AT_RSEQ_ALIGN boundary, 5.10 exactly 32 bytes.
/// </summary>
public class RseqAreaShapeTests
{
    [Test]
    public void A_kernel_without_a_feature_size_gets_no_v2_registration()
    {
        // 5.10 and 6.1 (recorded): no AT_RSEQ_FEATURE_SIZE, no AT_RSEQ_ALIGN.
        Assert.That(RseqAreaShape.Extended(featureSize: 0, alignment: 0), Is.Null);
    }

    [Test]
    public void On_7_x_the_registration_holds_the_33_byte_feature_size_on_the_64_byte_alignment()
    {
        // 7.2 and 7.3 (recorded): feature size 33 (slice_ctrl and its reserved byte), alignment 64.
        var shape = RseqAreaShape.Extended(featureSize: 33, alignment: 64);

        Assert.That(shape, Is.EqualTo(new RseqAreaShape(64, 64)));
        Assert.That(shape!.IsExtended, Is.True);
    }

    [Test]
    public void On_6_3_to_6_18_a_feature_size_below_32_still_gives_a_registration_longer_than_32_bytes()
    {
        // 6.12 (recorded): feature size 28 (up to mm_cid), alignment 32; 32 bytes would be ABI v1.
        var shape = RseqAreaShape.Extended(featureSize: 28, alignment: 32);

        Assert.That(shape, Is.EqualTo(new RseqAreaShape(64, 32)));
        Assert.That(shape!.Length, Is.GreaterThan(32));
    }

    [TestCase(33, 64)]
    [TestCase(28, 32)]
    [TestCase(60, 64)]
    [TestCase(65, 128)]
    [TestCase(200, 256)]
    public void The_length_meets_the_kernels_checks_feature_size_alignment_and_longer_than_32(long featureSize, long alignment)
    {
        var shape = RseqAreaShape.Extended(featureSize, alignment)!;

        Assert.That(shape.Length, Is.GreaterThanOrEqualTo(featureSize));
        Assert.That(shape.Length, Is.GreaterThan(32));
        Assert.That(shape.Alignment, Is.GreaterThanOrEqualTo(alignment));
        Assert.That(shape.Length % shape.Alignment, Is.Zero, "the whole aligned area is registered");
    }

    [TestCase(0)]
    [TestCase(8)]
    [TestCase(48)]
    public void An_alignment_below_32_or_not_a_power_of_two_is_raised_to_one(long alignment)
    {
        var shape = RseqAreaShape.Extended(featureSize: 33, alignment)!;

        Assert.That(shape.Alignment, Is.GreaterThanOrEqualTo(32));
        Assert.That(shape.Alignment & (shape.Alignment - 1), Is.Zero);
        Assert.That(shape.Alignment, Is.GreaterThanOrEqualTo(alignment));
    }

    [Test]
    public void A_nonsense_feature_size_sizes_no_area()
    {
        Assert.That(RseqAreaShape.Extended(featureSize: 1L << 40, alignment: 64), Is.Null);
    }

    [Test]
    public void The_original_shape_is_the_32_bytes_every_kernel_accepts()
    {
        Assert.That(RseqAreaShape.Original, Is.EqualTo(new RseqAreaShape(32, 32)));
        Assert.That(RseqAreaShape.Original.IsExtended, Is.False);
    }
}
