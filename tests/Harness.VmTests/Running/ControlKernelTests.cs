using Harness.Commands;
using Harness.Config;
using Harness.Records;
using Protocol;

namespace Harness.Tests.Running;

/// <summary>
/// The proof that the harness catches a real regression: the 5.10 control of the default matrix
/// (ce3614daabea reverted) and its unpatched twin, built from Debian's linux-source-5.10 through the
/// harness's own classes and booted under the real QEMU with the real guest image. Uses the per-user
/// cache, so only the first run downloads and builds (about 8 minutes on two cores for each image).
/// </summary>
[Category("VM"), Category("Network")]
public class ControlKernelTests
{
    static readonly IReadOnlyList<string> OnlyFork = [ScenarioNames.ForkCpuId];

    [Test]
    public async Task The_5_10_fork_control_fails_fork_cpu_id_with_stale_children_and_its_unpatched_twin_passes()
    {
        var layout = RepositoryLayout.Locate();
        var matrix = MatrixLoader.Load(layout.DefaultMatrix);
        var results = Directory.CreateTempSubdirectory("control-kernels-").FullName;
        try
        {
            var control = await RunAsync(layout, matrix, "control-5.10-fork", results);
            var twin = await RunAsync(layout, matrix, "build-5.10", results);

            var fork = control.Scenarios.Single(s => s.Scenario == ScenarioNames.ForkCpuId);
            Assert.Multiple(() =>
            {
                Assert.That(control.KernelRelease, Does.StartWith("5.10."));
                Assert.That(fork.Outcome, Is.EqualTo(ScenarioVerdict.Fail), fork.Reason);
                Assert.That(fork.Counters.GetValueOrDefault(CounterNames.StaleChildren), Is.GreaterThan(0));
                Assert.That(fork.Evidence, Has.Some.Contains("stale_rounds"));
                Assert.That(control.MetExpectation, Is.True, "the control expects fork_cpu_id to FAIL");

                var twinFork = twin.Scenarios.Single(s => s.Scenario == ScenarioNames.ForkCpuId);
                Assert.That(twinFork.Outcome, Is.EqualTo(ScenarioVerdict.Pass), twinFork.Reason);
                Assert.That(twin.MetExpectation, Is.True);
                Assert.That(twin.Identity, Does.StartWith("linux-source-5.10="));
                Assert.That(twin.Identity, Is.Not.EqualTo(control.Identity), "the patch is part of the build identity");
            });
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    static async Task<KernelResult> RunAsync(RepositoryLayout layout, Matrix matrix, string name, string resultsRoot)
    {
        var entry = matrix.Kernels.Single(k => k.Name == name);
        // Only the scenario the control is about, and no selftests: the test stays a few minutes shorter.
        entry = entry with
        {
            Source = ((BuildKernelSource)entry.Source) with { Selftests = false },
            Machine = entry.Machine with { Guest = entry.Machine.Guest with { Scenarios = OnlyFork } },
            // The control's other expected FAILs are in scenarios this shortened run leaves out.
            Expect = entry.Expect with { FailingScenarios = entry.Expect.FailingScenarios.Intersect(OnlyFork).ToList() },
        };
        return await RealKernelRuns.RunAsync(layout, entry, resultsRoot);
    }
}
