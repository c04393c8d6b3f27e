using CliWrap;
using CliWrap.Buffered;
using Harness.GuestImage;

namespace Harness.Tests.GuestImage;

public class InitScriptTests
{
    private static readonly string[] Lines = InitScript.Text.Split('\n');

    private static int LineOf(string text)
    {
        var index = Array.FindIndex(Lines, line => line.Trim() == text);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"/init has no line '{text}'");
        return index;
    }

    private static int LastLineOf(string text)
    {
        var index = Array.FindLastIndex(Lines, line => line.Trim() == text);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"/init has no line '{text}'");
        return index;
    }

    [Test]
    public void It_starts_with_a_shebang_for_busybox_sh_and_uses_unix_line_endings()
    {
        Assert.That(InitScript.Text, Does.StartWith("#!/bin/sh\n"));
        Assert.That(InitScript.Text, Does.Not.Contain("\r"));
    }

    [Test]
    public void It_mounts_the_pseudo_filesystems_on_the_mount_points_the_image_holds()
    {
        LineOf("mount -t proc proc /proc || say \"mounting /proc failed\"");
        LineOf("mount -t sysfs sysfs /sys || say \"mounting /sys failed\"");
        LineOf("mount -t devtmpfs devtmpfs /dev || say \"mounting /dev failed\"");

        Assert.That(InitScript.MountPoints, Is.EquivalentTo(new[] { "proc", "sys", "dev" }));
    }

    [Test]
    public void It_runs_no_program_before_the_guest_but_the_mounts()
    {
        // Each is a fork and exec of busybox, about 25 ms under TCG, before every boot's guest.
        var guest = LineOf("/bin/guest --kernel-cmdline --ktap /dev/ttyS1 --selftests /selftests");
        var beforeGuest = Lines.Take(guest).Select(line => line.Trim());

        Assert.That(beforeGuest, Has.None.Match(@"^(if\s+)?(mkdir|grep|cat|sleep)\b"));
    }

    [Test]
    public void It_runs_the_guest_with_the_kernel_command_line_and_the_ktap_port_then_reports_and_reboots()
    {
        var mountDev = LineOf("mount -t devtmpfs devtmpfs /dev || say \"mounting /dev failed\"");
        var guest = LineOf("/bin/guest --kernel-cmdline --ktap /dev/ttyS1 --selftests /selftests");
        var status = LineOf("status=$?");
        var report = LineOf("say \"guest exited with status $status\"");
        var reboot = LastLineOf("reboot -f");

        Assert.That(new[] { mountDev, guest, status, report, reboot }, Is.Ordered.Ascending);
        Assert.That(status, Is.EqualTo(guest + 1), "the status must be the guest's, read before anything else runs");
    }

    [Test]
    public void In_probe_mode_it_answers_on_the_ktap_port_and_reboots_before_the_guest_runs()
    {
        var probe = LineOf("*\" harness.probe \"*)");
        var marker = LineOf("echo \"harness-probe: user space reached\" >/dev/ttyS1");
        var probeReboot = LineOf("reboot -f");
        var guest = LineOf("/bin/guest --kernel-cmdline --ktap /dev/ttyS1 --selftests /selftests");

        Assert.That(new[] { LineOf("mount -t devtmpfs devtmpfs /dev || say \"mounting /dev failed\""), probe, marker, probeReboot, guest }, Is.Ordered.Ascending);
        Assert.That(InitScript.ProbeMarker, Is.EqualTo("harness-probe: user space reached"));
        Assert.That(InitScript.ProbeWord, Is.EqualTo("harness.probe"));
    }

    [Test]
    public void It_writes_its_guest_start_line_on_the_console_and_then_on_the_result_port_just_before_the_guest_runs()
    {
        var console = LineOf("say \"running /bin/guest\"");
        var port = LineOf("echo \"harness-init: running /bin/guest\" >/dev/ttyS1");
        var guest = LineOf("/bin/guest --kernel-cmdline --ktap /dev/ttyS1 --selftests /selftests");

        Assert.That(new[] { console, port, guest }, Is.Ordered.Ascending);
        Assert.That(guest - port, Is.EqualTo(1), "the host's stamp of the port line must be the guest's start");
    }

    [Test]
    public void A_failing_guest_does_not_stop_the_script_before_the_report()
    {
        // set -e or exec would skip the status line and the reboot when the guest crashes.
        Assert.That(Lines, Has.None.Match(@"^\s*(set\s+-e|exec\s)"));
    }

    [Test]
    public void The_status_line_matches_the_marker_the_harness_scans_for()
    {
        Assert.That(InitScript.Text, Does.Contain("harness-init: $*"));
        Assert.That(InitScript.GuestExitMarker, Is.EqualTo("harness-init: " + "guest exited with status "));
    }

    [Test]
    public async Task Busybox_sh_parses_it_without_a_syntax_error()
    {
        using var folder = new ScratchFolder();
        var script = folder.File("init");
        await File.WriteAllTextAsync(script, InitScript.Text);

        var result = await Cli.Wrap(StaticBusybox.DefaultPath)
            .WithArguments(args => args.Add("sh").Add("-n").Add(script))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(CancellationToken.None);

        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
    }

    [TestCase("console=ttyS0 harness.probe", true)]
    [TestCase("harness.probe console=ttyS0", true)]
    [TestCase("harness.probe", true)]
    [TestCase("console=ttyS0 harness.probe=1", false)]
    [TestCase("console=ttyS0 xharness.probe", false)]
    [TestCase("console=ttyS0 rseqh.seed=7", false)]
    public async Task The_probe_word_is_found_only_as_a_whole_word_of_the_command_line(string commandLine, bool probe)
    {
        // The script's own lines from the read to the esac, run by busybox sh on a file in place
        // of /proc/cmdline, with the probe's answer and reboot replaced by a word on stdout.
        var start = LineOf("read -r cmdline </proc/cmdline");
        var end = LineOf("esac");
        using var folder = new ScratchFolder();
        var cmdline = folder.File("cmdline");
        await File.WriteAllTextAsync(cmdline, commandLine + "\n");
        var snippet = string.Join('\n', Lines[start..(end + 1)])
            .Replace("/proc/cmdline", cmdline)
            .Replace($"echo \"{InitScript.ProbeMarker}\" >{InitScript.KtapDevice}", "echo probe")
            .Replace("reboot -f", "true");

        var result = await Cli.Wrap(StaticBusybox.DefaultPath)
            .WithArguments(args => args.Add("sh").Add("-c").Add(snippet))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(CancellationToken.None);

        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        Assert.That(result.StandardOutput.Trim(), Is.EqualTo(probe ? "probe" : ""));
    }

    [Test]
    public void Every_command_it_runs_is_a_busybox_applet_in_the_image()
    {
        string[] commands = ["mount", "echo", "reboot"];

        Assert.That(StaticBusybox.Applets, Is.SupersetOf(commands.Append("sh")));
    }
}
