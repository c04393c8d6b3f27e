using Harness.Vm;

namespace Harness.Tests.Vm;

public class KvmProbeResultTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    public void The_firmware_banner_proves_KVM_works() =>
        Assert.That(KvmProbeResult.Judge(firmwareRan: true, exitCode: null, "", Timeout).Works, Is.True);

    [Test]
    public void An_abort_gives_the_error_line_rather_than_the_assertion()
    {
        const string errors = """
            qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69
            qemu-system-x86_64: ../../target/i386/kvm/kvm.c:3183: kvm_buf_set_msrs: Assertion `ret == cpu->kvm_msr_buf->nmsrs' failed.
            """;

        var result = KvmProbeResult.Judge(firmwareRan: false, exitCode: 134, errors, Timeout);

        Assert.That(result.Works, Is.False);
        Assert.That(result.Reason, Is.EqualTo("QEMU with KVM exited with status 134: qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69"));
    }

    [Test]
    public void An_exit_without_a_message_still_says_so() =>
        Assert.That(KvmProbeResult.Judge(firmwareRan: false, exitCode: 1, "", Timeout).Reason, Does.EndWith("no message"));

    [Test]
    public void A_QEMU_that_stays_silent_is_not_trusted() =>
        Assert.That(KvmProbeResult.Judge(firmwareRan: false, exitCode: null, "", Timeout),
            Is.EqualTo(new KvmProbeResult(false, "QEMU with KVM ran no guest code within 5 s")));
}
