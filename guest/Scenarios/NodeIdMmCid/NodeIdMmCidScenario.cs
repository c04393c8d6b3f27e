using System.Diagnostics;
using Guest.Rseq;
using Guest.Topology;
using Protocol;

namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>
/// node_id_mm_cid (6.3+): does rseq's node_id name the node of the CPU the thread runs on, does
/// mm_cid stay below its bound, and do threads running at the same moment never share an mm_cid?
/// </summary>
/// <remarks>
/// glibc's 32-byte registration is enough: node_id and mm_cid lie inside the original 32 bytes and
/// the kernel writes them for every registration length (checked on 6.12, 7.2 and 7.3).
/// </remarks>
internal sealed class NodeIdMmCidScenario(LibC libc, Syscalls syscalls, RseqRegistrar registrar) : IScenario
{
    /// <summary>
    /// Intervals kept per thread (2 MB each); a thread stops at this or at the deadline. Under TCG
    /// with 4 vCPUs a thread records about 30 000 a second, and 4 × 50 000 give 100 000+ overlapping
    /// pairs, far above the minimum, while the analysis stays near a second.
    /// </summary>
    public const int MaxSamplesPerThread = 50_000;

    public string Name => ScenarioNames.NodeIdMmCid;

    public ScenarioOutcome Run(ScenarioSettings settings)
    {
        var stopwatch = Stopwatch.StartNew();
        var featureSize = syscalls.RseqFeatureSize();
        var topology = NumaTopology.Read(settings.Cpus);
        var threads = Math.Max(1, settings.Threads);
        var rseq = registrar.ForCurrentThread();
        var empty = new NodeIdMmCidFindings(0, 0, 0, 0, 0, new CidOverlapFindings(0, 0, 0, null), []);
        if (featureSize < RseqLayout.MmCidFeatureSize || settings.Cpus < NodeIdMmCidVerdict.MinimumCpus || !rseq.IsAvailable)
            return Judge(empty, threads, topology, settings, stopwatch, featureSize, rseq.Problem);

        var run = SampleOnThreads(threads, topology, settings.Duration, settings.Target(NodeIdMmCidVerdict.MinimumOverlapsChecked));
        if (run.Problem is not null)
            return Judge(empty, threads, topology, settings, stopwatch, featureSize, run.Problem);
        var allowedCpus = new CpuAffinity(libc).AllowedCpus().Count;
        var findings = NodeIdMmCidAnalysis.Analyze(run.Samples, topology, CidBound.From(run.ProcessThreadCounts, allowedCpus));
        return Judge(findings, threads, topology, settings, stopwatch, featureSize, null);
    }

    static ScenarioOutcome Judge(NodeIdMmCidFindings findings, int threads, NumaTopology topology, ScenarioSettings settings,
        Stopwatch stopwatch, long featureSize, RseqProblem? problem)
    {
        var counts = NodeIdMmCidCounts.From(findings, threads, topology.Nodes, settings.Cpus, stopwatch.ElapsedMilliseconds);
        return NodeIdMmCidVerdict.Judge(counts, featureSize, problem, findings.Evidence);
    }

    /// <param name="overlapTarget">Overlapping pairs after which the sampling stops, short of the deadline (<see cref="CidSamplingGoal"/>).</param>
    SamplingRun SampleOnThreads(int threads, NumaTopology topology, TimeSpan duration, long overlapTarget)
    {
        var threadCalls = new ThreadSyscalls(libc);
        var buffers = new CidSample[threads][];
        var samplers = new CidSampler?[threads];
        var stop = new StopSignal();
        using var gate = new SamplingGate();
        var problems = new RseqProblem?[threads];
        using var ready = new CountdownEvent(threads);
        using var go = new ManualResetEventSlim();
        long deadline = 0;
        var workers = new Thread[threads];
        for (var index = 0; index < threads; index++)
        {
            var thread = index;
            buffers[thread] = new CidSample[MaxSamplesPerThread];
            workers[thread] = new Thread(() =>
            {
                // Each thread has its own registration: glibc's, or one the guest makes for it.
                var own = new RseqRegistrar(libc, syscalls, registrar.Abi).ForCurrentThread();
                problems[thread] = own.Problem;
                // Made before the ready signal, so the main thread sees it once everyone is ready.
                if (own.IsAvailable)
                    samplers[thread] = new CidSampler(syscalls, threadCalls, own.Area, thread, buffers[thread], stop, gate);
                ready.Signal();
                go.Wait();
                samplers[thread]?.Run(Volatile.Read(ref deadline));
            }) { IsBackground = true, Name = $"cid sampler {thread}" };
            workers[thread].Start();
        }
        ready.Wait();
        var threadsAtStart = CountProcessThreads();
        Volatile.Write(ref deadline, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        var clock = Stopwatch.StartNew();
        go.Set();
        WaitForEnoughIntervals(samplers, buffers, problems, gate, topology, overlapTarget, duration, clock);
        // Counted again while the samplers still run: a thread the runtime started meanwhile was
        // alive during the sampling, and the bound must not forget it.
        var threadsAtEnd = CountProcessThreads();
        stop.Set();
        foreach (var worker in workers)
            worker.Join();

        var samples = new List<CidSample>();
        for (var thread = 0; thread < threads; thread++)
            samples.AddRange(buffers[thread].AsSpan(0, samplers[thread]?.Count ?? 0));
        return new SamplingRun(samples, [threadsAtStart, threadsAtEnd], problems.FirstOrDefault(problem => problem is not null));
    }

    /// <summary>
    /// Waits while the samplers run until the intervals so far give the overlap target (checked on a
    /// copy of what each sampler has published, with the samplers held at the gate), a thread had no
    /// registration, the buffers are full, or the time is up. A pair gives at least one interval of each thread, so the first check waits
    /// for as many intervals as pairs asked for.
    /// </summary>
    static void WaitForEnoughIntervals(CidSampler?[] samplers, CidSample[][] buffers, RseqProblem?[] problems, SamplingGate gate,
        NumaTopology topology, long overlapTarget, TimeSpan duration, Stopwatch clock)
    {
        long Recorded() => samplers.Sum(sampler => (long)(sampler?.Count ?? 0));
        var capacity = buffers.Sum(buffer => (long)buffer.Length);
        long? waitFor = overlapTarget;
        while (waitFor is { } count)
        {
            var target = Math.Min(count, capacity);
            // A thread without a registration decides the outcome on its own: no point sampling on.
            StressWait.Until(() => problems.Any(problem => problem is not null) || Recorded() >= target, duration - clock.Elapsed);
            if (problems.Any(problem => problem is not null) || clock.Elapsed >= duration || Recorded() >= capacity)
                return;
            gate.Close();
            try
            {
                var soFar = new List<CidSample>();
                for (var thread = 0; thread < buffers.Length; thread++)
                    soFar.AddRange(buffers[thread].AsSpan(0, samplers[thread]?.Count ?? 0));
                waitFor = CidSamplingGoal.IntervalsToWaitFor(soFar, topology, overlapTarget);
            }
            finally
            {
                gate.Open();
            }
        }
    }

    /// <summary>Threads of this process now, samplers included: one side of <see cref="CidBound"/>.</summary>
    static int CountProcessThreads() => Directory.GetDirectories("/proc/self/task").Length;

    sealed record SamplingRun(IReadOnlyList<CidSample> Samples, IReadOnlyList<int> ProcessThreadCounts, RseqProblem? Problem);
}
