using Harness.Doctor;

namespace Harness.Tests.Doctor;

public class QemuCheckTests
{
    [Test]
    public async Task A_QEMU_that_is_not_there_is_a_missing_program_naming_its_package()
    {
        var (result, version) = await QemuCheck.RunAsync("/nonexistent/qemu-system-x86_64", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(version, Is.Null);
            Assert.That(result.Packages, Is.EqualTo(new[] { "qemu-system-x86" }));
            Assert.That(result.Evidence, Does.Contain("/nonexistent/qemu-system-x86_64 not found"));
        });
    }

    [Test]
    public async Task A_QEMU_that_answers_is_shown_with_its_version_line()
    {
        var (result, version) = await QemuCheck.RunAsync(Vm.FakeQemu.Path, CancellationToken.None);

        Assert.That(version, Is.EqualTo("QEMU emulator version 7.2.99 (fake)"));
        Assert.That(result.Evidence, Does.StartWith("QEMU emulator version 7.2.99 (fake) ("));
    }

    [Test]
    public async Task A_QEMU_that_starts_but_does_not_answer_is_a_failed_check_with_its_error_line()
    {
        using var scratch = new ScratchFolder();
        var qemu = new CountingTool(scratch.File("qemu-system-x86_64"), "");
        qemu.Rewrite("", exitCode: 127, error: "error while loading shared libraries: libfoo.so.1");

        var (result, version) = await QemuCheck.RunAsync(qemu.Path, CancellationToken.None);

        Assert.That(version, Is.Null);
        Assert.That(result.Evidence, Does.EndWith("error while loading shared libraries: libfoo.so.1"));
        Assert.That(result.Fix, Does.StartWith("reinstall qemu-system-x86"));
    }
}
