
using Harness.Judging;

namespace Harness.Tests.Judging;

public class GuestExitTests
{
    [TestCase(139, "guest crashed: signal 11 (SIGSEGV)")]
    [TestCase(134, "guest crashed: signal 6 (SIGABRT)")]
    [TestCase(137, "guest crashed: signal 9 (SIGKILL)")]
    [TestCase(135, "guest crashed: signal 7 (SIGBUS)")]
    [TestCase(162, "guest crashed: signal 34 (SIGRTMIN)")]
    [TestCase(161, "guest crashed: signal 33")]
    public void A_status_above_128_is_a_crash_naming_the_signal(int status, string description) =>
        Assert.That(GuestExit.Describe(status), Is.EqualTo(description));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(128)]
    [TestCase(255)]
    public void Any_other_status_is_a_plain_exit(int status)
    {
        Assert.That(GuestExit.Describe(status), Is.EqualTo($"the guest exited with status {status}"));
        Assert.That(GuestExit.Signal(status), Is.Null);
    }
}
