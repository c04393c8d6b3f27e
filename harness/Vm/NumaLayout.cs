namespace Harness.Vm;

/// <summary>One guest NUMA node: a contiguous range of vCPUs and a share of the memory.</summary>
public sealed record NumaNode(int Id, int FirstCpu, int LastCpu, int MemoryMiB);

/// <summary>Splits the guest's vCPUs and memory evenly over NUMA nodes.</summary>
public static class NumaLayout
{
    /// <remarks>Earlier nodes take the remainders, so every vCPU and every MiB belongs to a node:
    /// QEMU refuses a layout whose node memory does not add up to -m.</remarks>
    public static IReadOnlyList<NumaNode> Split(int cpus, int memoryMiB, int nodes)
    {
        if (nodes < 1)
            throw new ArgumentOutOfRangeException(nameof(nodes), nodes, "A guest needs at least one NUMA node.");
        // A node without a CPU cannot show a node_id to any thread, so it would only confuse a test.
        if (nodes > cpus)
            throw new ArgumentOutOfRangeException(nameof(nodes), nodes, $"{nodes} NUMA nodes need at least {nodes} CPUs, not {cpus}.");

        var layout = new List<NumaNode>(nodes);
        var nextCpu = 0;
        for (var id = 0; id < nodes; id++)
        {
            var nodeCpus = cpus / nodes + (id < cpus % nodes ? 1 : 0);
            var nodeMemory = memoryMiB / nodes + (id < memoryMiB % nodes ? 1 : 0);
            layout.Add(new NumaNode(id, nextCpu, nextCpu + nodeCpus - 1, nodeMemory));
            nextCpu += nodeCpus;
        }
        return layout;
    }
}
