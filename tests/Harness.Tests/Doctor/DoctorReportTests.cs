using Harness.Doctor;

namespace Harness.Tests.Doctor;

public class DoctorReportTests
{
    static readonly CheckResult Fine = CheckResult.Ok("qemu", "QEMU emulator version 7.2.22");

    [Test]
    public void Warnings_and_skipped_checks_leave_a_run_possible()
    {
        var report = new DoctorReport([Fine, CheckResult.Warn("accel", "tcg (…)", "KVM is broken here"), CheckResult.Skipped("apt", "no apt")]);

        Assert.That(report.Ready, Is.True);
        Assert.That(DoctorText.Verdict(report), Is.EqualTo(new[] { "note (accel): KVM is broken here", "ready: a run can work here (1 warning)" }));
    }

    [Test]
    public void Missing_programs_name_each_package_once_in_one_install_line()
    {
        var report = new DoctorReport([
            CheckResult.Missing("qemu", "not on PATH", "qemu-system-x86"),
            CheckResult.Missing("build-tools", "missing make, gcc", "make", "gcc"),
            CheckResult.Missing("linker", "no linker", "gcc"),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(report.Ready, Is.False);
            Assert.That(report.MissesPrograms, Is.True);
            Assert.That(DoctorText.Verdict(report)[0], Does.StartWith("install: apt-get install qemu-system-x86 make gcc "));
        });
    }

    [Test]
    public void An_environment_failure_alone_is_not_a_missing_program_and_says_what_to_fix()
    {
        var report = new DoctorReport([Fine, CheckResult.Broken("apt", "sid: apt-get update for sid failed: …", "check the network")]);

        Assert.Multiple(() =>
        {
            Assert.That(report.Ready, Is.False);
            Assert.That(report.MissesPrograms, Is.False);
            Assert.That(DoctorText.Verdict(report), Does.Contain("fix (apt): check the network"));
        });
    }

    [Test]
    public void A_line_shows_the_status_word_the_check_and_the_evidence_in_columns()
    {
        Assert.That(DoctorText.Line(Fine), Is.EqualTo("ok    qemu        QEMU emulator version 7.2.22"));
        Assert.That(DoctorText.Line(CheckResult.Broken("apt", "unreachable", "fix it")), Is.EqualTo("FAIL  apt         unreachable"));
    }
}
