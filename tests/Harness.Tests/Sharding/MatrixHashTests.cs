using Harness.Sharding;

namespace Harness.Tests.Sharding;

public class MatrixHashTests
{
    const string Matrix = """
        defaults:
          accel: tcg
          boot_timeout: 120
        kernels:
          - name: bookworm-6.1
            source: {debian: {suite: bookworm, package: linux-image-amd64}}
          - name: trixie-6.12
            source: {debian: {suite: trixie, package: linux-image-amd64}}
        """;

    static readonly string[] Both = ["bookworm-6.1", "trixie-6.12"];

    [Test]
    public void Comments_layout_quoting_and_key_order_do_not_change_the_hash()
    {
        const string same = """
            # the nightly matrix
            kernels:
              - source:
                  debian: {package: "linux-image-amd64", suite: 'bookworm'}
                name: bookworm-6.1    # stable
              - {name: trixie-6.12, source: {debian: {suite: trixie, package: linux-image-amd64}}}

            defaults: {boot_timeout: 120, accel: tcg}
            """;

        Assert.That(MatrixHash.Of(same, Both), Is.EqualTo(MatrixHash.Of(Matrix, Both)));
    }

    [Test]
    public void A_changed_value_changes_the_hash()
    {
        Assert.That(MatrixHash.Of(Matrix.Replace("120", "121"), Both), Is.Not.EqualTo(MatrixHash.Of(Matrix, Both)));
    }

    [Test]
    public void Another_order_of_the_kernels_changes_the_hash_since_it_changes_the_slices()
    {
        var swapped = """
            defaults:
              accel: tcg
              boot_timeout: 120
            kernels:
              - name: trixie-6.12
                source: {debian: {suite: trixie, package: linux-image-amd64}}
              - name: bookworm-6.1
                source: {debian: {suite: bookworm, package: linux-image-amd64}}
            """;

        Assert.That(MatrixHash.Of(swapped, ["trixie-6.12", "bookworm-6.1"]), Is.Not.EqualTo(MatrixHash.Of(Matrix, Both)));
    }

    [Test]
    public void Another_selection_of_kernels_with_k_changes_the_hash()
    {
        Assert.That(MatrixHash.Of(Matrix, ["bookworm-6.1"]), Is.Not.EqualTo(MatrixHash.Of(Matrix, Both)));
    }
}
