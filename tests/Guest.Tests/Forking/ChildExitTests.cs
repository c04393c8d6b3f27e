using Guest.Forking;

namespace Guest.Tests.Forking;

/// <summary>Wait statuses as waitpid returns them on Linux.</summary>
public class ChildExitTests
{
    [Test]
    public void A_child_that_exited_with_zero_is_clean()
    {
        var exit = ChildExit.FromWaitStatus(0);

        Assert.That(exit.IsClean, Is.True);
        Assert.That(exit.IsKilledBySegv, Is.False);
    }

    [Test]
    public void A_nonzero_exit_status_is_not_clean_and_names_the_status()
    {
        var exit = ChildExit.FromWaitStatus(3 << 8);

        Assert.That(exit, Is.EqualTo(new ChildExit(3, 0)));
        Assert.That(exit.IsClean, Is.False);
        Assert.That(exit.ToString(), Is.EqualTo("exited with status 3"));
    }

    [Test]
    public void A_child_killed_by_sigsegv_is_told_apart_even_with_a_core_dump()
    {
        // 0x80 is WCOREDUMP.
        var exit = ChildExit.FromWaitStatus(0x80 | 11);

        Assert.That(exit.IsKilledBySegv, Is.True);
        Assert.That(exit.ToString(), Is.EqualTo("killed by SIGSEGV (signal 11)"));
    }

    [Test]
    public void The_watchdogs_sigkill_is_no_sigsegv()
    {
        var exit = ChildExit.FromWaitStatus(9);

        Assert.That(exit.IsKilledBySegv, Is.False);
        Assert.That(exit.Signal, Is.EqualTo(9));
    }
}
