using System.Globalization;
using Harness.Config;

namespace Harness.Running;

/// <summary>
/// How many VMs a run boots at once. Under TCG every vCPU is a host thread that keeps a core busy,
/// so VMs whose vCPUs add up to more than the host's cores only slow each other down (and stretch
/// every guest's timing, which the scenarios' stress is measured in): the jobs asked for with -j are
/// clamped to what fits, unless the user says to oversubscribe.
/// </summary>
/// <param name="Jobs">The VMs that run at once.</param>
/// <param name="Note">Why fewer than asked run at once; null when the request stands.</param>
public sealed record VmParallelism(int Jobs, string? Note)
{
    public static VmParallelism Serial { get; } = new(1, null);

    /// <param name="requested">-j's value (1 or more).</param>
    /// <param name="oversubscribe">--oversubscribe: run <paramref name="requested"/> VMs even when their vCPUs exceed the cores.</param>
    /// <param name="hostCores">The cores the host offers (<see cref="Environment.ProcessorCount"/>).</param>
    /// <param name="vcpus">The vCPUs of the largest VM of the run.</param>
    /// <param name="runs">How many boots the run has: more jobs than boots would only idle.</param>
    public static VmParallelism Decide(int requested, bool oversubscribe, int hostCores, int vcpus, int runs)
    {
        var jobs = Math.Max(1, Math.Min(requested, runs));
        if (jobs == 1 || oversubscribe)
            return new VmParallelism(jobs, null);
        var fits = Math.Max(1, hostCores / Math.Max(1, vcpus));
        return jobs <= fits
            ? new VmParallelism(jobs, null)
            : new VmParallelism(fits, string.Create(CultureInfo.InvariantCulture,
                $"-j {requested} would run {jobs} VMs of up to {vcpus} vCPUs on {hostCores} host cores: running {fits} at a time (--oversubscribe runs {jobs})"));
    }

    /// <summary>For a run of <paramref name="matrix"/>, each kernel <paramref name="repeats"/> times.</summary>
    public static VmParallelism For(Matrix matrix, int repeats, int requested, bool oversubscribe) =>
        Decide(requested, oversubscribe, Environment.ProcessorCount, matrix.Kernels.Select(k => k.Machine.Cpus).DefaultIfEmpty(1).Max(), matrix.Kernels.Count * repeats);
}
