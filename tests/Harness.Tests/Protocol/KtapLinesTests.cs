using Protocol;

namespace Harness.Tests.Protocol;

public class KtapLinesTests
{
    [TestCase(ScenarioVerdict.Pass, null)]
    [TestCase(ScenarioVerdict.Fail, "stale cpu_id in 12 children")]
    [TestCase(ScenarioVerdict.Error, "insufficient stress: 3 of 20 cross-CPU starts")]
    [TestCase(ScenarioVerdict.Skip, "rseq not available")]
    public void A_result_line_reads_back_as_the_verdict_and_reason_it_was_written_with(ScenarioVerdict verdict, string? reason)
    {
        var line = KtapLines.Result(3, ScenarioNames.ForkCpuId, verdict, reason);

        Assert.That(KtapLines.TryParseResult(line, out var result), Is.True, line);
        Assert.That(result, Is.EqualTo(new KtapResult(3, ScenarioNames.ForkCpuId, verdict, reason)));
    }

    [Test]
    public void A_reason_with_a_newline_or_hash_cannot_forge_a_second_line()
    {
        var line = KtapLines.Result(1, "x", ScenarioVerdict.Error, "bad\nok 2 y # SKIP");

        Assert.That(line, Does.Not.Contain("\n"));
        Assert.That(KtapLines.TryParseResult(line, out var result), Is.True);
        Assert.That(result.Verdict, Is.EqualTo(ScenarioVerdict.Error));
    }

    [Test]
    public void Counters_read_back_by_name()
    {
        var line = KtapLines.Counters("fork_cpu_id", [new("forks", 800), new("stale_children", -1)]);

        Assert.That(KtapLines.TryParseCounters(line, out var scenario, out var counters), Is.True);
        Assert.That(scenario, Is.EqualTo("fork_cpu_id"));
        Assert.That(counters, Is.EquivalentTo(new Dictionary<string, long> { ["forks"] = 800, ["stale_children"] = -1 }));
    }

    [TestCase("# fork_cpu_id: counters forks=abc")]
    [TestCase("# fork cpu id: counters forks=1")]
    [TestCase("fork_cpu_id: counters forks=1")]
    public void A_garbled_counters_line_is_not_taken_for_counters(string line) =>
        Assert.That(KtapLines.TryParseCounters(line, out _, out _), Is.False);

    [TestCase("ok")]
    [TestCase("ok x fork_cpu_id")]
    [TestCase("not okay 1 fork_cpu_id")]
    [TestCase("# ok 1 fork_cpu_id")]
    public void A_line_that_only_looks_like_a_result_is_not_one(string line) =>
        Assert.That(KtapLines.TryParseResult(line, out _), Is.False);

    [Test]
    public void The_kernel_command_line_parameters_are_read_by_their_prefix()
    {
        var values = GuestParameters.ParseCommandLine("console=ttyS0 quiet rseqh.seconds=2.5 rseqh.scenarios=a,b panic=-1");

        Assert.That(values, Is.EquivalentTo(new Dictionary<string, string>
        {
            [GuestParameters.Seconds] = "2.5",
            [GuestParameters.Scenarios] = "a,b",
        }));
    }
}
