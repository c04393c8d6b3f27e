using Harness.Vm;

namespace Harness.Tests.Vm;

public class QemuVersionTests
{
    [Test]
    public async Task The_version_is_the_first_line_QEMU_prints()
    {
        var version = await new QemuVersion(FakeQemu.Path).ReadAsync(CancellationToken.None);

        Assert.That(version, Is.EqualTo("QEMU emulator version 7.2.99 (fake)"));
    }

    [Test]
    public void A_missing_QEMU_names_itself_and_the_package_to_install() =>
        Assert.That(async () => await new QemuVersion("/nonexistent/qemu-system-x86_64").ReadAsync(CancellationToken.None),
            Throws.InstanceOf<QemuNotFoundException>().With.Message.EqualTo(
                "/nonexistent/qemu-system-x86_64 was not found: install qemu-system-x86 (apt-get install qemu-system-x86)."));
}
