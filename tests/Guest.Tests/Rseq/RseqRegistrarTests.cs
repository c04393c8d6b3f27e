using Guest.Rseq;

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

    static unsafe uint ReadUInt(nint address) => *(uint*)address;
}
