namespace Harness.Tests.EndToEnd;

/// <summary>
/// <c>harness doctor</c> against the fake QEMU on each kind of host: the guest image is built (or
/// taken from the cache) and the matrix's first kernel probed under KVM, as a run would.
/// </summary>
[Category("Build")] // the doctor builds the real guest image (cached after the first time)
public class DoctorRunTests : ScratchTests
{
    string Matrix()
    {
        Scratch.FakeBzImage();
        return Scratch.Write("kernels.yaml", """
            defaults:
              accel: auto
            kernels:
              - name: first
                source: { path: bzImage }
            """);
    }

    Task<HarnessProcess.Outcome> DoctorAsync(string kvm, string qemu) => HarnessProcess.RunAsync(
        ["doctor", "--matrix", Matrix(), "--results", Scratch.Results, "--qemu", qemu],
        new Dictionary<string, string?> { ["FAKEQEMU_KVM"] = kvm, ["HARNESS_KVM_DEVICE"] = Scratch.Write("kvm", "") });

    static string LineOf(HarnessProcess.Outcome outcome, string check) =>
        outcome.Output.Split('\n').FirstOrDefault(line => line.Length > 6 && line[6..].StartsWith(check + " ", StringComparison.Ordinal)) ?? "";

    [Test]
    public async Task On_a_host_where_everything_works_the_doctor_exits_0_with_the_KVM_proof()
    {
        var outcome = await DoctorAsync("works", FakeQemu);

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(LineOf(outcome, "accel"), Does.Match(@"^ok    accel\s+kvm \(first \(sha256:?[0-9a-f]*.*\) reached user space under KVM in \d+\.\d s\)"));
            Assert.That(LineOf(outcome, "qemu"), Does.StartWith("ok    qemu        QEMU emulator version 7.2.99 (fake)"));
            Assert.That(LineOf(outcome, "guest"), Does.StartWith("ok "));
            Assert.That(LineOf(outcome, "kernel"), Does.StartWith("ok    kernel      first: "));
            Assert.That(outcome.Output, Does.Contain("ready: a run can work here"));
        });
    }

    [Test]
    public async Task On_a_host_whose_KVM_stays_silent_the_doctor_still_exits_0_and_says_TCG_and_why()
    {
        var outcome = await DoctorAsync("silent", FakeQemu);

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        Assert.That(LineOf(outcome, "accel"), Does.Match(@"^warn  accel\s+tcg \(first \(.*\) did not reach user space under KVM: console silent for 5 s after: Probing EDD"));
    }

    [Test]
    public async Task Without_QEMU_the_doctor_exits_3_naming_the_package_to_install()
    {
        var outcome = await DoctorAsync("works", "/nonexistent");

        Assert.That(outcome.ExitCode, Is.EqualTo(3), outcome.Output + outcome.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(LineOf(outcome, "qemu"), Is.EqualTo("FAIL  qemu        /nonexistent not found (--qemu)"));
            Assert.That(LineOf(outcome, "accel"), Does.StartWith("skip  accel"));
            Assert.That(outcome.Output, Does.Contain("install: apt-get install qemu-system-x86"));
            Assert.That(outcome.Output, Does.Contain("not ready"));
        });
    }
}
