using Harness.Vm;

namespace Harness.Tests.Vm;

public class NumaLayoutTests
{
    [Test]
    public void Every_CPU_and_every_MiB_belongs_to_exactly_one_node()
    {
        var layout = NumaLayout.Split(cpus: 7, memoryMiB: 1000, nodes: 3);

        Assert.That(layout.Sum(node => node.MemoryMiB), Is.EqualTo(1000));
        Assert.That(layout.SelectMany(node => Enumerable.Range(node.FirstCpu, node.LastCpu - node.FirstCpu + 1)),
            Is.EqualTo(Enumerable.Range(0, 7)));
    }

    [Test]
    public void More_nodes_than_CPUs_is_refused_with_both_numbers() =>
        Assert.That(() => NumaLayout.Split(cpus: 2, memoryMiB: 512, nodes: 3),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("3 NUMA nodes need at least 3 CPUs, not 2"));
}
