using Harness.Config;
using Harness.Running;
using Protocol;

namespace Harness.Tests.Running;

public class GuestArgumentsTests
{
    [Test]
    public void The_depth_always_goes_to_the_guest_and_the_cap_and_multiple_only_when_set()
    {
        var words = GuestArguments.For(GuestSettings.Standard, seed: 7, [ScenarioNames.ForkCpuId]);

        Assert.That(words, Is.EqualTo(new[] { "rseqh.depth=standard", "rseqh.seed=7", "rseqh.threads=4", "rseqh.scenarios=fork_cpu_id" }));
    }

    [Test]
    public void Seconds_and_a_stress_multiple_set_in_kernels_yaml_reach_the_guest_beside_the_depth()
    {
        var settings = GuestSettings.Standard with { Depth = StressDepth.Deep, Seconds = 2.5, StressMultiple = 40 };

        var words = GuestArguments.For(settings, seed: 7, [ScenarioNames.ForkCpuId]);

        Assert.That(words, Is.EqualTo(new[]
        {
            "rseqh.depth=deep", "rseqh.seconds=2.5", "rseqh.multiple=40", "rseqh.seed=7", "rseqh.threads=4", "rseqh.scenarios=fork_cpu_id",
        }));
    }

    [Test]
    public void What_the_harness_writes_the_guest_reads_back_under_the_same_names()
    {
        var settings = GuestSettings.Standard with { Depth = StressDepth.Quick, StressMultiple = 2 };

        var parsed = GuestParameters.ParseCommandLine("console=ttyS0 " + string.Join(' ', GuestArguments.For(settings, 1, [ScenarioNames.CsAbort])));

        Assert.That(parsed[GuestParameters.Depth], Is.EqualTo("quick"));
        Assert.That(parsed[GuestParameters.StressMultiple], Is.EqualTo("2"));
        Assert.That(parsed.ContainsKey(GuestParameters.Seconds), Is.False);
    }
}
