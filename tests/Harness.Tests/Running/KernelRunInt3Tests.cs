using Harness.Config;
using Harness.Kernels;
using Harness.Judging;
using Harness.Records;
using Harness.Running;
using Harness.Tests.Judging;
using Harness.Vm;
using Protocol;
using static Harness.Tests.Judging.ConsoleExcerpts;

namespace Harness.Tests.Running;

/// <summary>
/// Which boots are booted again, on recorded consoles: only QEMU's code-patching fault before the
/// guest (an int3 at a live-patched site, the boot's first finding) and a boot that ended with no
/// finding at all; every retried boot's console kept and named in the record.
/// </summary>
public class KernelRunInt3Tests
{
    sealed class OneKernel : IKernelSupplier
    {
        public Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken) =>
            Task.FromResult(new KernelImage("bzImage", "sha256:0", true));
    }

    /// <summary>One boot: the console QEMU would have written, and the result port's lines.</summary>
    sealed record Boot(VmEnd End, string[] Console, string[] Results);

    /// <summary>Plays the boots in order (the last one again and again), writing each console and scanning it as QemuRunner does.</summary>
    sealed class RecordedVms(params Boot[] boots) : IVmRunner
    {
        public int Boots { get; private set; }

        public async Task<VmRun> RunAsync(VmRequest request, CancellationToken cancellationToken)
        {
            var boot = boots[Math.Min(Boots++, boots.Length - 1)];
            await File.WriteAllLinesAsync(request.ConsoleLogPath, boot.Console, cancellationToken);
            return new VmRun(boot.End, boot.Results, ConsoleScanner.ScanFile(request.ConsoleLogPath), 0, "", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        }
    }

    static readonly string[] PassingStream =
        [KtapLines.Version, KtapLines.Plan(1), KtapLines.Result(1, ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null), KtapLines.Done(0)];

    static readonly Boot Healthy = new(VmEnd.Completed,
        Console(ConsoleExcerpts.Boot, GuestStarts, Scenario(ScenarioNames.ForkCpuId), Done, GuestExits(), Reboot), PassingStream);

    static readonly Boot Int3InSchedClockAtBoot = new(VmEnd.EndedEarly, Console(ConsoleExcerpts.Boot, Int3InSchedClock), []);

    /// <summary>Runs the kernel under TCG; returns its record and which of its kept consoles exist in the run folder.</summary>
    static async Task<(KernelResult Result, bool[] KeptConsolesExist)> RunAsync(IVmRunner vms)
    {
        var results = Directory.CreateTempSubdirectory("harness-int3-").FullName;
        try
        {
            var entry = new KernelEntry("k", new PathKernelSource("bzImage"), Expectation.Pass, new MachineSettings(4, 512, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60),
                GuestSettings.Standard with { Scenarios = [ScenarioNames.ForkCpuId] }), new SourceLocation("kernels.yaml", 1, 1));
            var folder = RunFolder.Create(results, DateTimeOffset.UnixEpoch);
            var context = new RunContext(new AccelResolver(AccelChoice.Tcg, new AccelProbe(), null, _ => { }),
                new global::Harness.GuestImage.GuestImage("initramfs", "hash", true), 1, folder);
            var result = await new KernelRun(new OneKernel(), vms, TimeProvider.System).RunAsync(entry, 1, context, CancellationToken.None);
            return (result, result.EarlierBootConsoles.Select(kept => File.Exists(Path.Combine(folder.Path, kept))).ToArray());
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    [Test]
    public async Task An_int3_in_sched_clock_cpu_before_the_guest_is_booted_again_and_the_crashed_boots_console_is_kept_and_named()
    {
        var vms = new RecordedVms(Int3InSchedClockAtBoot, Healthy);

        var (result, keptExist) = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(2));
        Assert.That(result.BootAttempts, Is.EqualTo(2));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(result.EarlierBootConsoles, Is.EqualTo(new[] { "k.attempt-1.console.log" }));
        Assert.That(keptExist, Has.All.True);
    }

    [Test]
    public async Task Three_boots_that_each_hit_the_emulator_fault_are_an_error_naming_it_with_every_console_kept()
    {
        var vms = new RecordedVms(Int3InSchedClockAtBoot);

        var (result, keptExist) = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(KernelRun.MaxBootAttempts));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(result.Scenarios.Single().Reason, Does.StartWith("int3 oops under TCG at sched_clock_cpu+0x11/0x1c0"));
        Assert.That(result.EarlierBootConsoles, Is.EqualTo(new[] { "k.attempt-1.console.log", "k.attempt-2.console.log" }));
        Assert.That(keptExist, Has.All.True);
    }

    [Test]
    public async Task An_int3_at_an_ordinary_function_before_the_guest_is_not_forgiven_nor_booted_again()
    {
        var vms = new RecordedVms(new Boot(VmEnd.EndedEarly, Console(ConsoleExcerpts.Boot, Int3InCopyProcess), []), Healthy);

        var (result, _) = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(result.Scenarios.Single().Reason, Is.EqualTo("kernel oops before the guest started: Oops: int3: 0000 [#1] PREEMPT SMP NOPTI"));
        Assert.That(result.EarlierBootConsoles, Is.Empty);
    }

    [Test]
    public async Task An_int3_at_an_ordinary_function_while_a_scenario_runs_is_that_scenarios_fail()
    {
        var vms = new RecordedVms(new Boot(VmEnd.EndedEarly,
            Console(ConsoleExcerpts.Boot, GuestStarts, [ConsoleMarkers.Begin(ScenarioNames.ForkCpuId)], Int3InCopyProcess),
            [KtapLines.Version, KtapLines.Plan(1)]), Healthy);

        var (result, _) = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(result.Scenarios.Single().Evidence, Does.Contain("RIP: 0010:copy_process+0x5d3/0x1c80"));
    }

    [Test]
    public async Task An_int3_in_sched_clock_cpu_that_follows_another_finding_is_not_the_emulator_fault()
    {
        // The emulator's fault is the first thing to go wrong; after a WARNING the kernel was already misbehaving.
        var vms = new RecordedVms(new Boot(VmEnd.EndedEarly, Console(ConsoleExcerpts.Boot, RefcountWarning, Int3InSchedClock), []), Healthy);

        var (result, _) = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Reason, Does.StartWith("kernel WARNING before the guest started"));
    }
}
