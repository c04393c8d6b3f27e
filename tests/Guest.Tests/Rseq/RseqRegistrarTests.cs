using Guest.Rseq;
using Protocol;

namespace Guest.Tests.Rseq;

/// <summary>Runs on the machine the tests run on; needs glibc 2.35+ and a kernel with rseq.</summary>
public class RseqRegistrarTests
{
    [Test]
    public void Glibcs_area_is_found_and_its_cpu_id_agrees_with_getcpu()
    {
        var libc = LibC.Load();
        var syscalls = new Syscalls(libc);
        var sizeSymbol = libc.DataExport("__rseq_size");
        Assume.That(sizeSymbol != 0 && ReadUInt(sizeSymbol) > 0, "glibc did not register rseq here");

        var registration = new RseqRegistrar(libc, syscalls).ForCurrentThread();

        Assert.That(registration.Owner, Is.EqualTo(RseqOwner.Glibc));
        // A migration between the two reads can spoil one attempt, not all of them.
        var agreed = Enumerable.Range(0, 20).Any(_ => RseqArea.ReadCpuId(registration.Area) == syscalls.GetCpu());
        Assert.That(agreed, Is.True);
    }

    [Test]
    public void Only_a_missing_system_call_is_a_skip()
    {
        var missing = RseqRegistrar.ProblemOf(SyscallNumbers.ErrnoNoSys);

        Assert.That(missing.Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(SkipReasons.IsNoRseq(missing.Reason), Is.True, missing.Reason);
    }

    [TestCase(SyscallNumbers.ErrnoInvalid, "EINVAL")]
    [TestCase(SyscallNumbers.ErrnoPermission, "EPERM")]
    [TestCase(SyscallNumbers.ErrnoBusy, "EBUSY")]
    [TestCase(12, "errno 12")]
    public void A_refused_registration_is_a_failure_naming_the_errno(int errno, string named)
    {
        var refused = RseqRegistrar.ProblemOf(errno);

        Assert.That(refused.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(refused.Reason, Does.Contain(named));
        Assert.That(SkipReasons.IsNoRseq(refused.Reason), Is.False);
    }

    [TestCase(-1)]
    [TestCase(-2)]
    public void A_negative_cpu_id_after_registering_is_a_failure_with_the_value(int cpuId)
    {
        var problem = RseqRegistrar.ProblemOfCpuId(cpuId);

        Assert.That(problem.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(problem.Reason, Does.Contain($"cpu_id={cpuId}"));
    }

    static unsafe uint ReadUInt(nint address) => *(uint*)address;
}
