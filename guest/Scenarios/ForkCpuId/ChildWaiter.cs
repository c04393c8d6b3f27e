using System.Diagnostics;
using Guest.Rseq;

namespace Guest.Scenarios.ForkCpuId;

/// <summary>
/// Reaps a forked child, killing it when it outlives a timeout: a child stuck in the runtime must
/// cost the scenario one child, not hang the whole guest until the harness gives up.
/// </summary>
internal sealed unsafe class ChildWaiter(LibC libc)
{
    const int NoHang = 1;
    const int SignalKill = 9;

    /// <summary>Spins of sched_yield before sleeping: a child usually exits within a few of them.</summary>
    const int YieldsBeforeSleeping = 200;

    /// <summary>Waits for the child; true when it exited normally with status 0.</summary>
    public bool WaitForCleanExit(int pid, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var status = 0;
        for (var attempt = 0; ; attempt++)
        {
            var reaped = libc.WaitPid(pid, &status, NoHang);
            if (reaped == pid)
                return ExitedWithZero(status);
            if (reaped < 0)
                return false;
            if (stopwatch.Elapsed > timeout)
            {
                libc.Kill(pid, SignalKill);
                libc.WaitPid(pid, &status, 0);
                return false;
            }
            if (attempt < YieldsBeforeSleeping)
                Thread.Yield();
            else
                Thread.Sleep(1);
        }
    }

    /// <summary>WIFEXITED(status) and WEXITSTATUS(status) == 0.</summary>
    static bool ExitedWithZero(int status) => (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0;
}
