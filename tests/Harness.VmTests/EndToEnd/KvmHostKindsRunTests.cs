using System.Diagnostics;
using Harness.Records;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// The run command under <c>accel: auto</c> on each kind of host seen, played by the fake QEMU: a
/// KVM device that opens (a scratch file stands for it) and a KVM that works, aborts, or runs the
/// firmware but never Linux. None may cost a verdict.
/// </summary>
[Category("Build")] // the run builds the real guest image (cached after the first time)
public class KvmHostKindsRunTests : ScratchTests
{
    string Matrix()
    {
        Scratch.FakeBzImage();
        return Scratch.Write("kernels.yaml", """
            defaults:
              accel: auto
              boot_timeout: 60
              test_timeout: 20
              silence_timeout: 3
              guest:
                scenarios: [fork_cpu_id]
            kernels:
              - name: first
                source: { path: bzImage }
              - name: second
                source: { path: bzImage }
            """);
    }

    async Task<(HarnessProcess.Outcome Outcome, RunRecord Run, TimeSpan Elapsed)> RunAsync(string kvm)
    {
        var device = Scratch.Write("kvm", "");
        var clock = Stopwatch.StartNew();
        var outcome = await HarnessProcess.RunAsync(
            ["run", "--matrix", Matrix(), "--results", Scratch.Results, "--qemu", FakeQemu],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = "pass", ["FAKEQEMU_KVM"] = kvm, ["HARNESS_KVM_DEVICE"] = device });
        var elapsed = clock.Elapsed;
        var run = RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(Scratch.Results, "latest", "run.json")));
        return (outcome, run, elapsed);
    }

    static void EveryKernelPassed(RunRecord run)
    {
        var outcomes = run.Kernels.SelectMany(k => k.Scenarios).Select(s => s.Outcome).ToList();
        Assert.That(outcomes, Has.Count.EqualTo(2));
        Assert.That(outcomes, Is.All.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public async Task On_a_host_whose_KVM_boots_Linux_the_run_uses_KVM_with_the_probe_s_proof()
    {
        var (outcome, run, _) = await RunAsync("works");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        EveryKernelPassed(run);
        Assert.That(run.Vm.Accel, Is.EqualTo(Accel.Kvm));
        Assert.That(run.Vm.KvmProof!.Kernel, Does.StartWith("first ("));
        Assert.That(outcome.Output, Does.Contain("accel kvm (first ("));
    }

    [Test]
    public async Task On_a_host_whose_KVM_runs_the_firmware_but_not_Linux_the_run_uses_TCG_says_why_and_loses_nothing()
    {
        var (outcome, run, elapsed) = await RunAsync("silent");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        EveryKernelPassed(run);
        Assert.That(run.Vm.Accel, Is.EqualTo(Accel.Tcg));
        Assert.That(run.Vm.AccelReason, Does.Contain("did not reach user space under KVM: console silent for 5 s after: Probing EDD"));
        Assert.That(outcome.Output, Does.Contain("accel tcg (first ("));
        Assert.That(File.ReadAllText(Path.Combine(Scratch.Results, "latest", "summary.md")), Does.Contain("did not reach user space under KVM"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task On_a_host_whose_KVM_aborts_QEMU_the_run_uses_TCG_with_QEMU_s_error()
    {
        var (outcome, run, _) = await RunAsync("abort");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        EveryKernelPassed(run);
        Assert.That(run.Vm.AccelReason, Does.Contain("failed to set MSR 0x10a"));
    }

    [Test]
    public async Task A_kernel_that_stalls_under_KVM_after_the_probe_passed_is_booted_under_TCG_and_so_is_the_rest()
    {
        var (outcome, run, _) = await RunAsync("probe-only");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        EveryKernelPassed(run);
        Assert.That(run.Vm.Accel, Is.EqualTo(Accel.Tcg));
        Assert.That(run.Vm.KvmProof, Is.Not.Null);
        Assert.That(run.Vm.AccelFallback!.Kernel, Is.EqualTo("first"));
        Assert.That(run.Vm.AccelFallback.Reason, Is.EqualTo("console silent for 3 s after: Probing EDD (edd=off to disable)... ok"));
        Assert.That(File.Exists(Path.Combine(Scratch.Results, "latest", "first.kvm-stalled.console.log")), Is.True);
        Assert.That(outcome.Output, Does.Contain("switching to tcg for the rest of the run"));
    }
}
