using Harness.Records;
using Harness.Vm;
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

    async Task<(HarnessProcess.Outcome Outcome, RunRecord Run)> RunBookwormAsync(int cpus, string kernelArgs = "", int testTimeout = 300)
    {
        var matrix = _scratch.Write("kernels.yaml", $"""
            defaults:
              cpus: {cpus}
              test_timeout: {testTimeout}
              kernel_args: "{kernelArgs}"
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
            // The guest's /dev/kmsg markers reach a real console in order, so findings can be placed.
            var timeline = Harness.Vm.GuestConsole.ReadFile(Path.Combine(_scratch.Results, "latest", kernel.ConsoleLog!)).Timeline;
            Assert.That(timeline.Scenarios.Select(s => s.Scenario), Is.EqualTo(new[] { ScenarioNames.ForkCpuId }));
            Assert.That(timeline.Scenarios[0].End, Is.Not.Null);
            Assert.That(new[] { timeline.GuestStart, timeline.Scenarios[0].Begin, timeline.Scenarios[0].End, timeline.GuestDone, timeline.GuestExited },
                Is.Ordered.And.All.Not.Null, "init's start, begin, end, done, init's exit, in that order");
        });
        AccelDecisionIsProven(run.Vm);
    }

    /// <summary>
    /// Under auto the harness decides from what really boots on this host, whichever kind it is:
    /// KVM only with a kernel that reached user space under it, else TCG with the reason.
    /// </summary>
    static void AccelDecisionIsProven(VmEnvironment vm)
    {
        if (vm.Accel == Accel.Kvm)
            Assert.That(vm.KvmProof, Is.Not.Null, vm.AccelReason);
        else
            Assert.That(vm.AccelReason, Does.Contain("cannot be opened").Or.Contain("did not reach user space under KVM").Or.Contain("KVM stalled"));
        TestContext.Out.WriteLine($"accel {vm.Accel?.Word()}: {vm.AccelReason}");
    }

    [Test]
    public async Task A_kernel_that_panics_at_boot_is_an_error_with_the_panic_line()
    {
        // No init in the initramfs to run: the kernel looks for a root file system, finds none, panics.
        var (outcome, run) = await RunBookwormAsync(cpus: 2, kernelArgs: "rdinit=/no-such-init");

        var scenario = run.Kernels.Single().Scenarios.Single();
        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(scenario.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(scenario.Reason, Does.Contain("before the guest started").And.Contain("Kernel panic - not syncing"));
    }

    [Test]
    public async Task A_kernel_panic_while_the_guest_runs_is_a_fail_with_the_panic_line()
    {
        var (outcome, run) = await RunBookwormAsync(cpus: 2, kernelArgs: "rseqh.fault=panic");

        var kernel = run.Kernels.Single();
        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(kernel.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(kernel.Scenarios.Single().Reason, Does.Contain("Kernel panic - not syncing: sysrq triggered crash"));
        Assert.That(kernel.BootAttempts, Is.EqualTo(1), "a kernel bug while the guest runs is never booted again");
    }

    [Test]
    public async Task A_guest_that_hangs_is_an_error_at_the_test_timeout_and_leaves_no_qemu()
    {
        var (outcome, run) = await RunBookwormAsync(cpus: 2, kernelArgs: "rseqh.fault=hang", testTimeout: 5);

        var scenario = run.Kernels.Single().Scenarios.Single();
        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(scenario.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(scenario.Reason, Does.StartWith("test timeout"));
        Assert.That(await Vm.FakeQemu.ProcessesMentioningAsync(_scratch.Path), Is.Empty);
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

    [Test]
    public async Task A_guest_killed_by_a_signal_is_an_error_naming_the_signal()
    {
        var (outcome, run) = await RunBookwormAsync(cpus: 2, kernelArgs: "rseqh.fault=segv");

        var scenario = run.Kernels.Single().Scenarios.Single();
        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(scenario.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(scenario.Reason, Does.StartWith("guest crashed: signal 11 (SIGSEGV)"));
    }
}
