using Harness.Results;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// The real thing: a Debian kernel fetched with apt, the NativeAOT guest, real QEMU. Slow (a VM
/// under TCG takes tens of seconds), so in their own category; the test command runs them too.
/// </summary>
[Category("VM")]
[NonParallelizable]
public class RealVmTests
{
    ScratchFolder _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchFolder();

    [TearDown]
    public void RemoveScratch() => _scratch.Dispose();

    async Task<(HarnessProcess.Outcome Outcome, RunRecord Run)> RunBookwormAsync(int cpus)
    {
        var matrix = _scratch.Write("kernels.yaml", $"""
            defaults:
              cpus: {cpus}
              guest:
                seconds: 2
                scenarios: [fork_cpu_id]
            kernels:
              - name: bookworm
                source:
                  debian: linux-image-amd64
                  suite: bookworm
            """);
        var outcome = await HarnessProcess.RunAsync(["run", "--matrix", matrix, "--results", _scratch.Results]);
        var run = RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(_scratch.Results, "latest", "run.json")));
        return (outcome, run);
    }

    [Test]
    public async Task A_debian_kernel_passes_fork_cpu_id_with_children_that_really_started_on_another_cpu()
    {
        var (outcome, run) = await RunBookwormAsync(cpus: 4);

        var kernel = run.Kernels.Single();
        var scenario = kernel.Scenarios.Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
            Assert.That(scenario.Outcome, Is.EqualTo(ScenarioVerdict.Pass), scenario.Reason);
            Assert.That(scenario.Counters[CounterNames.CrossCpuStarts], Is.GreaterThan(0));
            Assert.That(scenario.Counters[CounterNames.StaleChildren], Is.Zero);
            Assert.That(kernel.Identity, Does.StartWith("linux-image-6.1"));
            Assert.That(kernel.KernelRelease, Does.StartWith("6.1."));
            Assert.That(run.Vm.Accel, Is.AnyOf("tcg", "kvm"));
        });
    }

    [Test]
    public async Task With_one_cpu_nothing_can_migrate_so_fork_cpu_id_is_an_error_not_a_pass()
    {
        var (outcome, run) = await RunBookwormAsync(cpus: 1);

        var scenario = run.Kernels.Single().Scenarios.Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That(scenario.Outcome, Is.EqualTo(ScenarioVerdict.Error));
            Assert.That(scenario.Reason, Does.Contain("2 CPUs"));
        });
    }
}
