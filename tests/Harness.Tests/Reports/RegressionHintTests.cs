using Harness.Config;
using Harness.Judging;
using Harness.Records;
using Harness.Reports;
using Protocol;

namespace Harness.Tests.Reports;

/// <summary>The hint a run's summary gives when a scenario FAILs on a kernel that an older kernel PASSes.</summary>
public class RegressionHintTests
{
    static KernelResult Kernel(string name, string release, ScenarioVerdict fork, Expectation? expect = null, int repeat = 1) => new(
        name, repeat, "debian", null, expect ?? Expectation.Pass, release,
        [
            new ScenarioOutcome(ScenarioNames.ForkCpuId, fork, null, new Dictionary<string, long>(), []),
            new ScenarioOutcome(ScenarioNames.CsAbort, ScenarioVerdict.Pass, null, new Dictionary<string, long>(), []),
        ],
        true, null, new KernelTimings(1, true, 5, 20), Harness.Vm.VmEnd.Completed, 0, [], null, null, new Dictionary<string, string>(), 1);

    [Test]
    public void A_scenario_that_passes_on_an_older_kernel_and_fails_on_a_newer_one_is_named_with_both()
    {
        // Given out of version order, as a matrix may list them.
        var hints = RegressionHint.Find([
            Kernel("sid", "7.2.0-1-amd64", ScenarioVerdict.Fail),
            Kernel("bullseye", "5.10.0-30-amd64", ScenarioVerdict.Pass),
            Kernel("trixie", "6.12.9-amd64", ScenarioVerdict.Fail),
            Kernel("bookworm", "6.1.0-18-amd64", ScenarioVerdict.Pass),
        ]);

        Assert.That(hints, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(hints[0].Scenario, Is.EqualTo(ScenarioNames.ForkCpuId));
            Assert.That(hints[0].LastGood.Name, Is.EqualTo("bookworm"));
            Assert.That(hints[0].FirstBad.Name, Is.EqualTo("trixie"));
            Assert.That(hints[0].Command("kernels.yaml"), Is.EqualTo("harness bisect --tree LINUX_GIT_TREE --good v6.1 --bad v6.12 --scenario fork_cpu_id"));
        });
    }

    [Test]
    public void A_failure_on_the_oldest_kernel_gives_no_hint_since_nothing_older_passed()
    {
        var hints = RegressionHint.Find([Kernel("old", "5.10.0-30-amd64", ScenarioVerdict.Fail), Kernel("new", "6.1.0-18-amd64", ScenarioVerdict.Pass)]);

        Assert.That(hints, Is.Empty);
    }

    [Test]
    public void A_control_expected_to_fail_gives_no_hint()
    {
        var hints = RegressionHint.Find([
            Kernel("build-5.10", "5.10.218", ScenarioVerdict.Pass),
            Kernel("control-5.10-fork", "5.10.218", ScenarioVerdict.Fail, Expectation.FailIn(ScenarioNames.ForkCpuId)),
        ]);

        Assert.That(hints, Is.Empty);
    }

    [Test]
    public void Two_kernels_of_one_release_are_bisected_through_the_matrix_instead_of_a_tree()
    {
        var hints = RegressionHint.Find([Kernel("twin", "5.10.218", ScenarioVerdict.Pass), Kernel("patched", "5.10.218", ScenarioVerdict.Fail)]);

        Assert.That(hints.Single().Command("m.yaml"), Is.EqualTo("harness bisect --matrix m.yaml --good twin --bad patched --scenario fork_cpu_id"));
    }

    [Test]
    public void A_kernel_that_failed_one_boot_of_several_counts_as_failing_and_one_with_any_error_does_not_count_as_passing()
    {
        var hints = RegressionHint.Find([
            Kernel("a", "6.0.0", ScenarioVerdict.Pass),
            Kernel("b", "6.1.0", ScenarioVerdict.Pass, repeat: 1),
            Kernel("b", "6.1.0", ScenarioVerdict.Error, repeat: 2),
            Kernel("c", "6.2.0", ScenarioVerdict.Pass, repeat: 1),
            Kernel("c", "6.2.0", ScenarioVerdict.Fail, repeat: 2),
        ]);

        Assert.That(hints.Single().LastGood.Name, Is.EqualTo("a"), "b erred once, so it proves no PASS");
        Assert.That(hints.Single().FirstBad.Name, Is.EqualTo("c"));
    }
}
