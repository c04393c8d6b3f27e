namespace Guest.Scenarios.NodeIdMmCid;

/// <summary>
/// What every mm_cid must stay below: the threads of the process alive while the samplers ran, and
/// the CPUs the process may run on. Not the possible CPUs: a process allowed on 4 of 8 possible CPUs
/// never has more than 4 threads running at once, and the kernel keeps the cids of one mm dense from
/// 0 (one per running thread since 6.3, at most one per CPU that ran the mm since 6.4, bounded by
/// mm->nr_cpus_allowed since 6.13), so a cid of 4 or more there is a kernel fault.
/// </summary>
/// <param name="ThreadsAlive">The most threads the process had at any count during the sampling.</param>
/// <param name="AllowedCpus">CPUs in the process's affinity mask (sched_getaffinity).</param>
internal readonly record struct CidBound(int ThreadsAlive, int AllowedCpus)
{
    public int Value => Math.Min(ThreadsAlive, AllowedCpus);

    /// <param name="threadCounts">/proc/self/task counted at several moments of the sampling (start, end).</param>
    public static CidBound From(IEnumerable<int> threadCounts, int allowedCpus) => new(threadCounts.Max(), allowedCpus);

    public override string ToString() => $"{Value} = min({ThreadsAlive} threads alive, {AllowedCpus} allowed CPUs)";
}
