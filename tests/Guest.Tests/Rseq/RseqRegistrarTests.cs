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

        var registration = new RseqRegistrar(libc, syscalls, RseqAbi.V1).ForCurrentThread();

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

    [TestCase(SyscallNumbers.ErrnoInvalid, "EINVAL")]
    [TestCase(SyscallNumbers.ErrnoFault, "EFAULT")]
    [TestCase(SyscallNumbers.ErrnoPermission, "EPERM")]
    [TestCase(12, "errno 12")]
    public void A_v2_registration_refused_where_the_feature_size_allows_it_is_a_failure_naming_errno_length_and_auxv(int errno, string named)
    {
        var problem = RseqRegistrar.ProblemOfAbiV2(errno, new RseqAreaShape(64, 64), featureSize: 33, alignment: 64);

        Assert.That(problem.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(problem.Reason, Does.Contain($"refused ({named})"));
        Assert.That(problem.Reason, Does.Contain("64 bytes aligned on 64").And.Contain("AT_RSEQ_FEATURE_SIZE=33"));
        Assert.That(problem.Reason, Does.Not.Contain("another area"), "EINVAL here is the length or alignment, not a second area");
    }

    [Test]
    public void A_v2_registration_without_the_system_call_is_the_no_rseq_skip()
    {
        var problem = RseqRegistrar.ProblemOfAbiV2(SyscallNumbers.ErrnoNoSys, new RseqAreaShape(64, 64), 33, 64);

        Assert.That(problem.Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(SkipReasons.IsNoRseq(problem.Reason), Is.True, problem.Reason);
    }

    [Test]
    public void No_feature_size_is_a_skip_that_names_the_feature_size()
    {
        var problem = RseqProblem.NoAbiV2(0);

        Assert.That(problem.Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(problem.Reason, Does.StartWith(SkipReasons.NoAbiV2Prefix).And.Contain("rseq feature size 0"));
        Assert.That(SkipReasons.IsNoRseq(problem.Reason), Is.False, "the kernel has rseq: the version rule for no rseq must not apply");
    }

    [Test]
    public void Glibcs_registration_reports_its_length_of_at_least_32_bytes()
    {
        var libc = LibC.Load();
        var sizeSymbol = libc.DataExport("__rseq_size");
        Assume.That(sizeSymbol != 0 && ReadUInt(sizeSymbol) > 0, "glibc did not register rseq here");

        var registration = new RseqRegistrar(libc, new Syscalls(libc), RseqAbi.V1).ForCurrentThread();

        Assert.That(registration.Length, Is.EqualTo(Math.Max(ReadUInt(sizeSymbol), 32u)));
    }

    static unsafe uint ReadUInt(nint address) => *(uint*)address;
}
