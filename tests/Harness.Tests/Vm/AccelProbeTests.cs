using Harness.Config;
using Harness.Vm;

namespace Harness.Tests.Vm;

// The fake's KVM behaviour comes from the environment, which the child inherits: not parallel.
[NonParallelizable]
public class AccelProbeTests
{
    const string KvmBehaviour = "FAKEQEMU_KVM";
    string _device = "";

    [SetUp]
    public void CreateDevice() => _device = Path.GetTempFileName();

    [TearDown]
    public void CleanUp()
    {
        Environment.SetEnvironmentVariable(KvmBehaviour, null);
        File.Delete(_device);
    }

    AccelProbe Probe(string? qemu = null) => new(qemu ?? FakeQemu.Path, _device, TimeSpan.FromSeconds(1.5));

    [Test]
    public async Task TCG_chosen_in_the_matrix_needs_no_probe()
    {
        var decision = await Probe(qemu: "/nonexistent/qemu").ResolveAsync(AccelChoice.Tcg, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo("tcg"));
    }

    [Test]
    public async Task A_device_that_does_not_open_gives_TCG_with_the_device_named()
    {
        var decision = await new AccelProbe(FakeQemu.Path, "/nonexistent/kvm").ResolveAsync(AccelChoice.Auto, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo("tcg"));
        Assert.That(decision.Reason, Does.StartWith("/nonexistent/kvm cannot be opened"));
    }

    [Test]
    public async Task A_QEMU_that_runs_the_firmware_under_KVM_gives_KVM()
    {
        Environment.SetEnvironmentVariable(KvmBehaviour, "works");

        var decision = await Probe().ResolveAsync(AccelChoice.Auto, CancellationToken.None);

        Assert.That(decision, Is.EqualTo(new AccelDecision("kvm", "QEMU ran the firmware under KVM")));
    }

    [Test]
    public async Task A_QEMU_that_aborts_with_KVM_gives_TCG_with_its_error()
    {
        Environment.SetEnvironmentVariable(KvmBehaviour, "abort");

        var decision = await Probe().ResolveAsync(AccelChoice.Auto, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo("tcg"));
        Assert.That(decision.Reason, Does.Contain("failed to set MSR 0x10a"));
    }

    [Test]
    public async Task A_QEMU_that_shows_nothing_under_KVM_gives_TCG_after_the_probe_timeout()
    {
        Environment.SetEnvironmentVariable(KvmBehaviour, "silent");

        var decision = await Probe().ResolveAsync(AccelChoice.Auto, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo("tcg"));
        Assert.That(decision.Reason, Does.Contain("ran no guest code"));
    }

    [Test]
    public void KVM_chosen_in_the_matrix_that_does_not_work_is_an_error_with_the_reason()
    {
        Environment.SetEnvironmentVariable(KvmBehaviour, "abort");

        Assert.That(async () => await Probe().ResolveAsync(AccelChoice.Kvm, CancellationToken.None),
            Throws.InstanceOf<AccelUnavailableException>().With.Message.Contains("failed to set MSR 0x10a"));
    }

    [Test]
    public async Task The_probe_runs_once_and_its_decision_is_kept()
    {
        var probe = Probe();
        Environment.SetEnvironmentVariable(KvmBehaviour, "works");
        await probe.ResolveAsync(AccelChoice.Auto, CancellationToken.None);
        Environment.SetEnvironmentVariable(KvmBehaviour, "abort");

        var decision = await probe.ResolveAsync(AccelChoice.Kvm, CancellationToken.None);

        Assert.That(decision.Accel, Is.EqualTo("kvm"));
    }

    [Test]
    public void A_missing_QEMU_is_a_setup_error_naming_the_package() =>
        Assert.That(async () => await Probe(qemu: "/nonexistent/qemu").ResolveAsync(AccelChoice.Auto, CancellationToken.None),
            Throws.InstanceOf<QemuNotFoundException>().With.Message.Contains("install qemu-system-x86"));
}
