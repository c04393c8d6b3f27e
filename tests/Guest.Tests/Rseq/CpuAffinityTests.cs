using Guest.Rseq;

namespace Guest.Tests.Rseq;

/// <summary>Runs on the machine the tests run on (x86-64 Linux).</summary>
public class CpuAffinityTests
{
    [Test]
    public void The_allowed_cpus_are_ascending_and_include_the_one_this_thread_runs_on()
    {
        var libc = LibC.Load();
        var syscalls = new Syscalls(libc);

        var cpus = new CpuAffinity(libc).AllowedCpus();

        Assert.That(cpus, Is.Not.Empty.And.Ordered.And.Unique);
        // The thread may migrate between the calls: one of a few tries must agree.
        Assert.That(Enumerable.Range(0, 10).Any(_ => cpus.Contains(syscalls.GetCpu())), Is.True);
    }

    [Test]
    public void A_thread_pinned_to_a_cpu_runs_there()
    {
        var libc = LibC.Load();
        var syscalls = new Syscalls(libc);
        var affinity = new CpuAffinity(libc);
        var target = affinity.AllowedCpus()[^1];
        int error = -1, cpu = -1;

        // A thread of its own, so the test runner's threads keep their affinity.
        var thread = new Thread(() =>
        {
            error = affinity.Pin(0, target);
            cpu = syscalls.GetCpu();
        });
        thread.Start();
        thread.Join();

        Assert.That(error, Is.Zero);
        Assert.That(cpu, Is.EqualTo(target));
    }

    [Test]
    public void A_single_cpu_mask_holds_that_cpu_only()
    {
        var mask = CpuMask.Single(70);

        Assert.That(mask.Contains(70), Is.True);
        Assert.That(mask.Contains(6), Is.False);
        Assert.That(mask.Contains(CpuMask.MaxCpus), Is.False);
    }
}
