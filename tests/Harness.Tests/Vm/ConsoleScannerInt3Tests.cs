using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>ConsoleFinding.IsInt3Oops, which tells the TCG code-patching fault apart, on what the scanner found.</summary>
public class ConsoleScannerInt3Tests
{
    static ConsoleFinding Found(string line) => ConsoleScanner.Scan([line]).Single();

    [TestCase("[    1.402000] int3: 0000 [#1] SMP PTI")] // 5.10
    [TestCase("[    1.402000] int3: 0000 [#1] PREEMPT SMP NOPTI")] // 6.1
    [TestCase("[    1.402000] Oops: int3: 0000 [#1] PREEMPT SMP NOPTI")] // 6.12
    [TestCase("[    1.402000][    C2] Oops: int3: 0000 [#1] SMP NOPTI")] // 7.2, 7.3
    public void An_int3_oops_is_recognised_in_the_old_and_the_new_spelling(string line) =>
        Assert.That(Found(line).IsInt3Oops(), Is.True);

    [TestCase("[    5.000000] Oops: 0000 [#1] SMP NOPTI")]
    [TestCase("[    5.000000] invalid opcode: 0000 [#1] SMP NOPTI")]
    [TestCase("[    5.000000] Oops: general protection fault: 0000 [#1] SMP NOPTI")]
    public void Another_oops_is_not_an_int3_oops(string line) =>
        Assert.That(Found(line).IsInt3Oops(), Is.False);

    [Test]
    public void An_int3_header_recorded_under_another_kind_is_not_an_int3_oops() =>
        Assert.That(new ConsoleFinding(ConsoleFindingKind.Bug, 1, "int3: 0000 [#1] SMP NOPTI").IsInt3Oops(), Is.False);

    [Test]
    public void An_oops_keeps_the_rip_printed_below_it_and_its_trace_stops_at_the_next_finding()
    {
        var findings = ConsoleScanner.Scan(Harness.Tests.Judging.ConsoleExcerpts.Console(Harness.Tests.Judging.ConsoleExcerpts.Int3InSchedClock));

        Assert.That(findings.Select(f => f.Kind), Is.EqualTo(new[] { ConsoleFindingKind.Oops, ConsoleFindingKind.Panic }));
        Assert.That(findings[0].Rip, Is.EqualTo("sched_clock_cpu+0x11/0x1c0"));
        Assert.That(findings[0].RipFunction(), Is.EqualTo("sched_clock_cpu"));
        Assert.That(findings[0].Trace, Has.Count.EqualTo(ConsoleScanner.TraceLines).And.Contains("RIP: 0010:sched_clock_cpu+0x11/0x1c0"));
        Assert.That(findings[1].Rip, Is.Null, "the panic follows the oops and prints no RIP of its own");
    }

    [Test]
    public void A_rip_without_a_symbol_names_no_function() =>
        Assert.That(ConsoleScanner.Scan(["Oops: int3: 0000 [#1] SMP NOPTI", "RIP: 0010:0xffffffff8a2c1f11"]).Single().RipFunction(), Is.Null);
}
