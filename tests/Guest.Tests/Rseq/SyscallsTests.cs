using Guest.Rseq;

namespace Guest.Tests.Rseq;

/// <summary>Runs the raw system calls on the machine the tests run on (x86-64 Linux).</summary>
public class SyscallsTests
{
    readonly Syscalls syscalls = new(LibC.Load());

    [Test]
    public void Getcpu_answers_an_online_cpu()
    {
        Assert.That(syscalls.GetCpu(), Is.InRange(0, syscalls.OnlineCpus() - 1));
    }

    [Test]
    public void The_kernel_release_matches_proc()
    {
        Assert.That(syscalls.KernelRelease(), Is.EqualTo(File.ReadAllText("/proc/sys/kernel/osrelease").Trim()));
    }
}
