using Harness.Config;

namespace Harness.Tests.Config;

public class MatrixLoaderNumaTests
{
    [Test]
    public void A_kernel_can_ask_for_a_numa_layout_and_the_others_keep_one_node()
    {
        var matrix = MatrixLoader.Parse("""
            kernels:
              - name: flat
                source: { path: a }
              - name: numa
                source: { path: b }
                numa_nodes: 2
            """, MatrixErrors.FileName);

        Assert.That(matrix.Kernels.Select(k => k.Machine.NumaNodes), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void More_numa_nodes_than_cpus_is_rejected_where_the_nodes_are_set()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: numa
                source: { path: b }
                cpus: 2
                numa_nodes: 3
            """);

        MatrixErrors.AssertAt(error, 5, 17, "3 NUMA nodes but only 2 CPUs");
    }
}
