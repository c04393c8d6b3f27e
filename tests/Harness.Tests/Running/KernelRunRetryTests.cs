using Harness.Config;
using Harness.Kernels;
using Harness.Judging;
using Harness.Records;
using Harness.Running;
using Harness.Tests.Judging;
using Harness.Vm;
using Protocol;
using InitScript = Harness.GuestImage.InitScript;

namespace Harness.Tests.Running;

public class KernelRunRetryTests
{
    sealed class OneKernel : IKernelSupplier
    {
        public Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken) =>
            Task.FromResult(new KernelImage("bzImage", "sha256:0", true));
    }

    /// <summary>Plays the given VM runs in order and counts the boots.</summary>
    sealed class ScriptedVms(params VmRun[] runs) : IVmRunner
    {
        public List<VmRequest> Requests { get; } = [];
        public int Boots => Requests.Count;

        public Task<VmRun> RunAsync(VmRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(runs[Math.Min(Boots - 1, runs.Length - 1)]);
        }
    }

    /// <summary>Plays one VM run again and again, writing <paramref name="console"/> as the console log each time, and counts the boots.</summary>
    sealed class ConsoleWritingVms(VmRun run, params string[] console) : IVmRunner
    {
        public int Boots { get; private set; }

        public async Task<VmRun> RunAsync(VmRequest request, CancellationToken cancellationToken)
        {
            Boots++;
            if (console.Length > 0)
                await File.WriteAllLinesAsync(request.ConsoleLogPath, console, cancellationToken);
            return run;
        }
    }

    /// <summary>QEMU's code-patching fault at boot: the first finding, an int3 in sched_clock_cpu, before /init ran the guest.</summary>
    static readonly VmRun CrashAtBoot = new(VmEnd.EndedEarly, [],
        ConsoleScanner.Scan(ConsoleExcerpts.Console(ConsoleExcerpts.Boot, ConsoleExcerpts.Int3InSchedClock)),
        0, "", TimeSpan.Zero, TimeSpan.FromSeconds(3));

    static readonly VmRun Passing = new(VmEnd.Completed,
        [KtapLines.Version, KtapLines.Plan(1), KtapLines.Result(1, ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null), KtapLines.Done(0)],
        [], 0, "", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));

    /// <summary>The guest began its stream, then the kernel oopsed and QEMU ended.</summary>
    static VmRun OopsWhileTheGuestRuns(string oopsLine) => Passing with
    {
        End = VmEnd.EndedEarly,
        ResultLines = [KtapLines.Version, KtapLines.Plan(1)],
        ConsoleFindings = [new ConsoleFinding(ConsoleFindingKind.Oops, 346, oopsLine)],
    };

    static AccelResolver Tcg => new(AccelChoice.Tcg, new AccelProbe(), null, _ => { });

    static async Task<KernelResult> RunAsync(IVmRunner vms, AccelResolver? accel = null)
    {
        var results = Directory.CreateTempSubdirectory("harness-retry-").FullName;
        try
        {
            var entry = new KernelEntry("k", new PathKernelSource("bzImage"), Expectation.Pass, new MachineSettings(4, 512, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60),
                GuestSettings.Standard with { Scenarios = [ScenarioNames.ForkCpuId] }), new SourceLocation("kernels.yaml", 1, 1));
            var context = new RunContext(accel ?? Tcg, new global::Harness.GuestImage.GuestImage("initramfs", "hash", true), 1,
                RunFolder.Create(results, DateTimeOffset.UnixEpoch));
            return await new KernelRun(new OneKernel(), vms, TimeProvider.System).RunAsync(entry, 1, context, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    [Test]
    public async Task A_kernel_that_crashes_at_boot_and_then_boots_is_judged_on_the_boot_that_worked()
    {
        var vms = new ScriptedVms(CrashAtBoot, Passing);

        var result = await RunAsync(vms);

        Assert.That(result.BootAttempts, Is.EqualTo(2));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Pass));
    }

    [Test]
    public async Task A_kernel_that_crashes_at_every_boot_is_an_error_after_the_last_attempt()
    {
        var vms = new ScriptedVms(CrashAtBoot);

        var result = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(KernelRun.MaxBootAttempts));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(result.Scenarios.Single().Reason, Does.Contain("int3 oops under TCG"));
    }

    [Test]
    public async Task A_kernel_bug_while_the_guest_runs_is_never_retried_away()
    {
        var vms = new ScriptedVms(OopsWhileTheGuestRuns("Oops: 0000 [#1] SMP NOPTI"), Passing);

        var result = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Fail));
    }

    [Test]
    public async Task An_int3_in_sched_clock_once_the_guests_stream_began_is_never_booted_again_and_is_a_fail()
    {
        var int3 = ConsoleScanner.Scan(ConsoleExcerpts.Int3InSchedClock)[0] with { LineNumber = 346 };
        var vms = new ScriptedVms(OopsWhileTheGuestRuns(int3.Line) with { ConsoleFindings = [int3] }, Passing);

        var result = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(result.Scenarios.Single().Reason, Does.Contain("Oops: int3").And.Contain("sched_clock_cpu+0x11/0x1c0"));
    }

    /// <summary>The stall seen on hosts whose KVM runs the firmware but not Linux.</summary>
    static readonly VmRun StalledUnderKvm = new(VmEnd.ConsoleSilent, [], [], null, "", TimeSpan.Zero, TimeSpan.FromSeconds(10),
        "Probing EDD (edd=off to disable)... ok", KernelRun.KvmStallLimit);

    /// <summary>A resolver under auto whose probe (the fake QEMU, KVM working) chooses KVM.</summary>
    static AccelResolver KvmByProbe(string folder)
    {
        var device = Path.Combine(folder, "kvm");
        File.WriteAllText(device, "");
        return new AccelResolver(AccelChoice.Auto, new AccelProbe(Harness.Tests.Vm.FakeQemu.Path, device), null, _ => { });
    }

    [Test]
    public async Task A_kernel_whose_KVM_boot_stalls_is_booted_again_under_TCG_and_the_run_stays_on_TCG()
    {
        using var folder = new Harness.Tests.ScratchFolder();
        var accel = KvmByProbe(folder.Path);
        var vms = new ScriptedVms(StalledUnderKvm, Passing);

        var result = await RunAsync(vms, accel);

        Assert.That(vms.Requests.Select(r => r.Accel), Is.EqualTo(new[] { Accel.Kvm, Accel.Tcg }));
        Assert.That(vms.Requests[0].SilenceTimeout, Is.EqualTo(KernelRun.KvmStallLimit));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(result.BootAttempts, Is.EqualTo(1), "the switch of accelerator is not a failed attempt of the kernel");
        Assert.That(accel.Current!.Accel, Is.EqualTo(Accel.Tcg));
        Assert.That(accel.Current.Fallback, Is.EqualTo(new AccelFallback("k", "console silent for 10 s after: Probing EDD (edd=off to disable)... ok")));
    }

    [Test]
    public async Task A_stalled_boot_under_KVM_chosen_by_the_user_is_an_error_naming_the_cause_not_a_hang()
    {
        var accel = new AccelResolver(AccelChoice.Kvm, new AccelProbe(), null, _ => { });
        var vms = new ScriptedVms(StalledUnderKvm, Passing);

        var result = await RunAsync(vms, accel);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(result.Scenarios.Single().Reason, Does.StartWith("console silent for 10 s after: Probing EDD").And.Contain("KVM could not boot this kernel"));
    }

    [Test]
    public async Task A_silent_console_under_TCG_is_an_error_with_the_last_line_and_is_not_retried()
    {
        var silent = StalledUnderKvm with { StopDetail = "Run /init as init process", SilenceLimit = TimeSpan.FromSeconds(30) };
        var vms = new ScriptedVms(silent, Passing);

        var result = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Reason, Is.EqualTo("console silent for 30 s after: Run /init as init process"));
    }

    [Test]
    public async Task A_qemu_that_refuses_its_arguments_is_not_booted_again_and_its_message_is_the_reason()
    {
        // QEMU exits at once and opens no console: the same arguments would fail the same way.
        var vms = new ConsoleWritingVms(new VmRun(VmEnd.EndedEarly, [], [], 1, "qemu-system-x86_64: -foo: invalid option", TimeSpan.Zero, TimeSpan.FromSeconds(0.1)));

        var result = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Reason, Is.EqualTo("QEMU stopped before the kernel ran: qemu-system-x86_64: -foo: invalid option"));
    }

    [Test]
    public async Task A_kernel_that_ends_before_the_guest_started_is_still_booted_again()
    {
        var vms = new ConsoleWritingVms(new VmRun(VmEnd.EndedEarly, [], [], 0, "", TimeSpan.Zero, TimeSpan.FromSeconds(2)),
            "[    0.000000] Linux version 6.1.0-50-amd64", "[    1.200000] reboot: Restarting system");

        await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(KernelRun.MaxBootAttempts));
    }

    [Test]
    public async Task A_guest_that_crashed_before_its_stream_is_not_booted_again()
    {
        var vms = new ConsoleWritingVms(new VmRun(VmEnd.EndedEarly, [], [], 0, "", TimeSpan.Zero, TimeSpan.FromSeconds(2)),
            "[    0.000000] Linux version 6.1.0-50-amd64",
            $"[    1.900000] {InitScript.GuestStartMarker}",
            $"[    2.000000] {InitScript.GuestExitMarker}139");

        var result = await RunAsync(vms);

        Assert.That(vms.Boots, Is.EqualTo(1));
        Assert.That(result.Scenarios.Single().Reason, Is.EqualTo("guest crashed: signal 11 (SIGSEGV) before its result stream began"));
    }
}
