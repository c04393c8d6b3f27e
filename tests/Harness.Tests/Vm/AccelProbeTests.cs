using Harness.Config;
using Harness.Vm;

namespace Harness.Tests.Vm;

/// <summary>The accelerator decision against the fake QEMU playing each kind of host's KVM.</summary>
public class AccelProbeTests
{
    string _folder = "";
    string _initramfs = "";
    string _device = "";
    ProbeBoot _boot = null!;
    readonly List<string> _log = [];

    [SetUp]
    public void CreateFiles()
    {
        _folder = Directory.CreateTempSubdirectory("accel-probe-test-").FullName;
        // A file that opens read-write stands for a /dev/kvm that opens: the fake plays the rest.
        _device = Path.Combine(_folder, "kvm");
        File.WriteAllText(_device, "");
        var kernel = Path.Combine(_folder, "bzImage");
        File.WriteAllText(kernel, "a kernel image");
        _initramfs = Path.Combine(_folder, "initramfs");
        _boot = new ProbeBoot(kernel, _initramfs, "first-kernel (pkg=1)", Path.Combine(_folder, "probe.console.log"));
        _log.Clear();
    }

    [TearDown]
    public void CleanUp() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// How the host's KVM behaves from the next boot on: the fake reads it from the initramfs it
    /// boots, so each test has its own (an environment variable would be the whole test process's),
    /// and the kernel, which the probe's cache entry is keyed on, stays the same.
    /// </summary>
    void HostKvm(string behaviour) => File.WriteAllText(_initramfs, $"fakeqemu.kvm={behaviour}\0");

    AccelProbe Probe(string? qemu = null, string? device = null) =>
        new(qemu ?? FakeQemu.Path, device ?? _device, userSpaceLimit: TimeSpan.FromSeconds(10), silenceLimit: TimeSpan.FromSeconds(1));

    AccelResolver Resolver(AccelChoice choice, AccelProbe? probe = null, AccelDecisionCache? cache = null) =>
        new(choice, probe ?? Probe(), cache, _log.Add);

    AccelDecisionCache Cache(string bootId = "boot-1") => new(Path.Combine(_folder, "cache"), "QEMU 7.2 (fake)", bootId);

    [Test]
    public async Task TCG_chosen_in_the_matrix_needs_no_probe()
    {
        var decision = await Resolver(AccelChoice.Tcg, Probe(qemu: "/nonexistent/qemu")).DecideAsync(_boot, CancellationToken.None);

        Assert.That(decision, Is.EqualTo(new AccelDecision(Accel.Tcg, "TCG chosen in the matrix")));
    }

    [Test]
    public async Task A_device_that_does_not_open_gives_TCG_with_the_device_named_and_boots_nothing()
    {
        var decision = await Resolver(AccelChoice.Auto, Probe(qemu: "/nonexistent/qemu", device: "/nonexistent/kvm"))
            .DecideAsync(_boot, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo(Accel.Tcg));
        Assert.That(decision.Reason, Does.StartWith("/nonexistent/kvm cannot be opened"));
    }

    [Test]
    public async Task A_kernel_that_reaches_user_space_under_KVM_gives_KVM_with_the_proof()
    {
        HostKvm("works");

        var decision = await Resolver(AccelChoice.Auto).DecideAsync(_boot, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo(Accel.Kvm));
        Assert.That(decision.Reason, Does.StartWith("first-kernel (pkg=1) reached user space under KVM in "));
        Assert.That(decision.Proof!.Kernel, Is.EqualTo("first-kernel (pkg=1)"));
        Assert.That(decision.Proof.SecondsToUserSpace, Is.GreaterThan(0).And.LessThan(10));
    }

    [Test]
    public async Task A_QEMU_that_aborts_with_KVM_gives_TCG_with_its_error()
    {
        HostKvm("abort");

        var decision = await Resolver(AccelChoice.Auto).DecideAsync(_boot, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo(Accel.Tcg));
        Assert.That(decision.Reason, Does.Contain("exited with status 134").And.Contain("failed to set MSR 0x10a"));
    }

    [Test]
    public async Task A_kernel_that_stops_after_the_firmware_under_KVM_gives_TCG_within_the_silence_limit()
    {
        HostKvm("silent");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var decision = await Resolver(AccelChoice.Auto).DecideAsync(_boot, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo(Accel.Tcg));
        Assert.That(decision.Reason, Is.EqualTo(
            "first-kernel (pkg=1) did not reach user space under KVM: console silent for 1 s after: Probing EDD (edd=off to disable)... ok"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(8)), "the silence, not the 10 s user-space limit, ended the probe");
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_folder), Is.Empty);
    }

    [Test]
    public async Task A_KVM_internal_error_from_QEMU_gives_TCG_with_QEMU_s_line()
    {
        HostKvm("internal-error");

        var decision = await Resolver(AccelChoice.Auto).DecideAsync(_boot, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo(Accel.Tcg));
        Assert.That(decision.Reason, Does.EndWith("QEMU reported: KVM internal error. Suberror: 1"));
    }

    [Test]
    public void KVM_chosen_in_the_matrix_with_a_device_that_does_not_open_is_an_error_before_anything_boots() =>
        Assert.That(() => Resolver(AccelChoice.Kvm, Probe(device: "/nonexistent/kvm")).CheckUpFront(),
            Throws.InstanceOf<AccelUnavailableException>().With.Message.Contains("/nonexistent/kvm cannot be opened"));

    [Test]
    public async Task KVM_chosen_in_the_matrix_boots_no_probe()
    {
        HostKvm("abort");

        var decision = await Resolver(AccelChoice.Kvm).DecideAsync(_boot, CancellationToken.None);

        Assert.That(decision, Is.EqualTo(new AccelDecision(Accel.Kvm, "KVM chosen in the matrix")));
    }

    [Test]
    public async Task The_probe_runs_once_per_run_and_its_decision_is_kept()
    {
        var resolver = Resolver(AccelChoice.Auto);
        HostKvm("works");
        await resolver.DecideAsync(_boot, CancellationToken.None);
        HostKvm("abort");

        var decision = await resolver.DecideAsync(_boot, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo(Accel.Kvm));
    }

    [Test]
    public async Task A_later_run_on_the_same_host_boot_QEMU_and_kernel_reuses_the_probe_s_answer()
    {
        HostKvm("works");
        await Resolver(AccelChoice.Auto, cache: Cache()).DecideAsync(_boot, CancellationToken.None);
        HostKvm("abort");

        var again = await Resolver(AccelChoice.Auto, cache: Cache()).DecideAsync(_boot, CancellationToken.None);
        var afterReboot = await Resolver(AccelChoice.Auto, cache: Cache(bootId: "boot-2")).DecideAsync(_boot, CancellationToken.None);

        Assert.That(again.Accel, Is.EqualTo(Accel.Kvm));
        Assert.That(again.Reason, Does.EndWith("(probed earlier since the host booted; cached)"));
        Assert.That(afterReboot.Accel, Is.EqualTo(Accel.Tcg), "another host boot is probed afresh");
    }

    [Test]
    public async Task Falling_back_to_TCG_records_the_kernel_and_the_reason_and_allows_no_second_fallback()
    {
        HostKvm("works");
        var resolver = Resolver(AccelChoice.Auto);
        await resolver.DecideAsync(_boot, CancellationToken.None);
        Assert.That(resolver.MayFallBack, Is.True);

        var decision = resolver.FallBackToTcg("sid", "console silent for 10 s after: Probing EDD");

        Assert.That(decision.Accel, Is.EqualTo(Accel.Tcg));
        Assert.That(decision.Fallback, Is.EqualTo(new AccelFallback("sid", "console silent for 10 s after: Probing EDD")));
        Assert.That(decision.Proof, Is.Not.Null, "the probe's proof stays on record");
        Assert.That(resolver.MayFallBack, Is.False);
        Assert.That(resolver.Current, Is.EqualTo(decision));
    }

    [Test]
    public async Task KVM_chosen_by_the_user_never_falls_back()
    {
        var resolver = Resolver(AccelChoice.Kvm);
        await resolver.DecideAsync(_boot, CancellationToken.None);

        Assert.That(resolver.MayFallBack, Is.False);
    }

    [Test]
    public void A_missing_QEMU_is_a_setup_error_naming_the_package() =>
        Assert.That(async () => await Resolver(AccelChoice.Auto, Probe(qemu: "/nonexistent/qemu")).DecideAsync(_boot, CancellationToken.None),
            Throws.InstanceOf<QemuNotFoundException>().With.Message.Contains("install qemu-system-x86"));
}
