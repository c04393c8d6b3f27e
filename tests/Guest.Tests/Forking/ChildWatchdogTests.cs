using System.Diagnostics;
using Guest.Forking;
using Guest.Rseq;

namespace Guest.Tests.Forking;

public class ChildWatchdogTests
{
    [Test]
    public void An_armed_process_that_outlives_its_deadline_is_killed()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "30"))!;
        using var watchdog = new ChildWatchdog(LibC.Load());

        watchdog.Arm(sleeper.Id, TimeSpan.FromMilliseconds(100));

        Assert.That(sleeper.WaitForExit(5_000), Is.True);
    }

    [Test]
    public void A_disarmed_process_is_left_alone()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "30"))!;
        try
        {
            using (var watchdog = new ChildWatchdog(LibC.Load()))
            {
                watchdog.Arm(sleeper.Id, TimeSpan.FromMilliseconds(100));
                watchdog.Disarm();
                Thread.Sleep(600);
            }

            Assert.That(sleeper.HasExited, Is.False);
        }
        finally
        {
            sleeper.Kill();
        }
    }
}
