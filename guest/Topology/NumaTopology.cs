using System.Globalization;

namespace Guest.Topology;

/// <summary>Which NUMA node each CPU belongs to, and how many CPUs the kernel could ever run (possible CPUs).</summary>
/// <param name="NodeOfCpu">Node by CPU number; CPUs missing from every node's list map to node 0.</param>
internal sealed record NumaTopology(IReadOnlyDictionary<int, int> NodeOfCpu, int Nodes, int PossibleCpus)
{
    const string NodeDirectory = "/sys/devices/system/node";
    const string PossibleCpusFile = "/sys/devices/system/cpu/possible";
    const string NodePrefix = "node";

    /// <summary>The node the kernel reports in rseq's node_id for this CPU (cpu_to_node).</summary>
    public int NodeOf(int cpu) => NodeOfCpu.GetValueOrDefault(cpu, 0);

    /// <summary>
    /// Reads sysfs. A kernel without NUMA has no node directory, and then every CPU is on node 0,
    /// which is also what such a kernel writes into node_id.
    /// </summary>
    public static NumaTopology Read(int fallbackPossibleCpus)
    {
        var possible = File.Exists(PossibleCpusFile) ? CpuList.Parse(File.ReadAllText(PossibleCpusFile)) : [];
        var possibleCpus = possible.Count > 0 ? possible[^1] + 1 : fallbackPossibleCpus;
        var nodeOfCpu = new Dictionary<int, int>();
        var nodes = 1;
        if (Directory.Exists(NodeDirectory))
        {
            var nodeDirectories = Directory.GetDirectories(NodeDirectory, NodePrefix + "*");
            foreach (var directory in nodeDirectories)
            {
                if (!int.TryParse(Path.GetFileName(directory)[NodePrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var node))
                    continue;
                foreach (var cpu in CpuList.Parse(File.ReadAllText(Path.Combine(directory, "cpulist"))))
                    nodeOfCpu[cpu] = node;
            }
            nodes = Math.Max(1, nodeDirectories.Length);
        }
        return new NumaTopology(nodeOfCpu, nodes, possibleCpus);
    }
}
