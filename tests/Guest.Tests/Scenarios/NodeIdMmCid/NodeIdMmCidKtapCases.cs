using Guest.Rseq;
using Guest.Scenarios.NodeIdMmCid;
using Protocol;

namespace Guest.Tests.Scenarios.NodeIdMmCid;

/// <summary>node_id_mm_cid runs recorded under QEMU TCG (see NodeIdMmCidVerdictTests), for <see cref="ScenarioKtapTests"/>.</summary>
static class NodeIdMmCidKtapCases
{
    const string Name = ScenarioNames.NodeIdMmCid;

    /// <summary>AT_RSEQ_FEATURE_SIZE of Debian 7.2.13.</summary>
    const long FeatureSize72 = 33;

    static readonly string[] CounterOrder =
    [
        CounterNames.Threads, CounterNames.Samples, CounterNames.UndisturbedSamples, CounterNames.NodeMismatches,
        CounterNames.CidOutOfRange, CounterNames.DistinctCids, CounterNames.OverlapsChecked, CounterNames.CidCollisions,
        CounterNames.SameCpuOverlaps, CounterNames.NumaNodes, CounterNames.Cpus, CounterNames.ElapsedMs, CounterNames.NodesCovered,
        CounterNames.CidBound,
    ];

    public static IEnumerable<ScenarioKtapCase> All()
    {
        // Debian 7.2.13, 4 vCPUs, 3 s; the analysis always ends its evidence with what it saw.
        var kernel72 = new NodeIdMmCidCounts(4, 400_000, 399_990, 0, 0, 4, 223_346, 0, 0, NumaNodes: 1, Cpus: 4, ElapsedMs: 3300);
        yield return new("Debian 7.2 with unique mm_cids", Name, ScenarioVerdict.Pass,
            NodeIdMmCidVerdict.Judge(kernel72, FeatureSize72, null, ["mm_cids seen 0,1,2,3 (bound 4); node_ids seen 0 of 1 node(s)"]),
            ScenarioKtapCase.CountersOf(CounterOrder, 4, 400_000, 399_990, 0, 0, 4, 223_346, 0, 0, 1, 4, 3300, 0, 0));

        // A kernel handing one mm_cid to two threads running at once, and a node_id from another node.
        var collisions = kernel72 with { NodeMismatches = 7, DistinctCids = 3, CidCollisions = 12 };
        string[] evidence =
        [
            "mm_cid 1 held at once by thread=0 cpu=0 node_id=0 mm_cid=1 t=1200..1460 and thread=2 cpu=3 node_id=0 mm_cid=1 t=1300..1510",
            "node_id 1 but cpu 2 is on node 0: thread=1 cpu=2 node_id=1 mm_cid=2 t=900..1100",
            "mm_cids seen 0,1,2 (bound 4); node_ids seen 0,1 of 1 node(s)",
        ];
        yield return new("a kernel sharing an mm_cid between running threads", Name, ScenarioVerdict.Fail,
            NodeIdMmCidVerdict.Judge(collisions, FeatureSize72, null, evidence),
            ScenarioKtapCase.CountersOf(CounterOrder, 4, 400_000, 399_990, 7, 0, 3, 223_346, 12, 0, 1, 4, 3300, 0, 0),
            "12 of 223346 overlapping intervals", "node_id differed from the CPU's node in 7 of 399990");

        // Two threads that hardly overlapped: a short run on a loaded host.
        var fewOverlaps = new NodeIdMmCidCounts(2, 9_120, 9_001, 0, 0, 2, 120, 0, 0, NumaNodes: 1, Cpus: 2, ElapsedMs: 3100);
        yield return new("two threads that hardly overlapped", Name, ScenarioVerdict.Error,
            NodeIdMmCidVerdict.Judge(fewOverlaps, FeatureSize72, null, ["mm_cids seen 0,1 (bound 2); node_ids seen 0 of 1 node(s)"]),
            ScenarioKtapCase.CountersOf(CounterOrder, 2, 9_120, 9_001, 0, 0, 2, 120, 0, 0, 1, 2, 3100, 0, 0),
            ScenarioKtapTests.InsufficientStress, "120 overlapping intervals", $"need {NodeIdMmCidVerdict.MinimumOverlapsChecked}");

        // Debian 6.1: no AT_RSEQ_FEATURE_SIZE at all, so nothing is sampled.
        var kernel61 = new NodeIdMmCidCounts(4, 0, 0, 0, 0, 0, 0, 0, 0, NumaNodes: 1, Cpus: 4, ElapsedMs: 1);
        yield return new("Debian 6.1 before node_id and mm_cid", Name, ScenarioVerdict.Skip,
            NodeIdMmCidVerdict.Judge(kernel61, 0, null, []),
            ScenarioKtapCase.CountersOf(CounterOrder, 4, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4, 1, 0, 0),
            "kernel lacks node_id/mm_cid", "rseq feature size 0");
    }
}
