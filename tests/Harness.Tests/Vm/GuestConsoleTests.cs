using Harness.GuestImage;
using Harness.Vm;

namespace Harness.Tests.Vm;

public class GuestConsoleTests
{
    [Test]
    public void The_guests_start_and_exit_status_are_read_from_the_lines_init_writes()
    {
        var console = GuestConsole.Read(
        [
            "[    1.530011] Run /init as init process",
            $"[    1.902244] {InitScript.GuestStartMarker}",
            "[    9.311907] guest[73]: segfault at 0 ip 00000000004a1c2e sp 00007ffc0d1e8f40 error 4 in guest[401000+3a1000]",
            $"[    9.315002] {InitScript.GuestExitMarker}139\r",
            "[    9.402190] reboot: Restarting system",
        ]);

        Assert.That(console, Is.EqualTo(new GuestConsole(KernelSpoke: true, GuestStarted: true, GuestExitStatus: 139)
        {
            // /init's lines bound the guest; this guest wrote no markers of its own.
            Timeline = new ConsoleTimeline(GuestStart: 2, Scenarios: [], GuestDone: null, GuestExited: 4),
        }));
    }

    [Test]
    public void A_console_of_a_kernel_that_never_reached_the_guest_has_no_status() =>
        Assert.That(GuestConsole.Read(["[    0.000000] Linux version 6.1.0-50-amd64", "[    2.100000] Kernel panic - not syncing: VFS: Unable to mount root fs"]),
            Is.EqualTo(new GuestConsole(KernelSpoke: true, GuestStarted: false, GuestExitStatus: null)));

    [Test]
    public void A_missing_or_empty_console_is_silent()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"guest-console-{Guid.NewGuid():N}.log");
        File.WriteAllText(empty, "\0\0\r\n");
        try
        {
            Assert.That(GuestConsole.ReadFile(empty), Is.EqualTo(GuestConsole.Silent));
            Assert.That(GuestConsole.ReadFile(empty + ".missing"), Is.EqualTo(GuestConsole.Silent));
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
