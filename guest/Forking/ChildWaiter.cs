using System.Runtime.InteropServices;
using Guest.Rseq;

namespace Guest.Forking;

/// <summary>Reaps a forked child, with the watchdog killing it should it outlive the timeout.</summary>
internal sealed unsafe class ChildWaiter(LibC libc, ChildWatchdog watchdog)
{
    const int Interrupted = 4;
    const int IdTypePid = 1;
    const int WaitExited = 4;
    const int WaitNoWait = 0x01000000;
    const int SigInfoSize = 128;

    /// <summary>Waits for the child; true when it exited normally with status 0.</summary>
    public bool WaitForCleanExit(int pid, TimeSpan timeout)
    {
        watchdog.Arm(pid, timeout);
        // Wait without reaping, then disarm, then reap: until it is reaped the pid stays the
        // child's (a zombie), so a late kill from the watchdog can never hit a process reusing it.
        WaitForExitWithoutReaping(pid);
        watchdog.Disarm();
        var status = 0;
        int reaped;
        do
            reaped = libc.WaitPid(pid, &status, 0);
        while (WasInterrupted(reaped));
        return reaped == pid && ExitedWithZero(status);
    }

    void WaitForExitWithoutReaping(int pid)
    {
        var signalInfo = stackalloc byte[SigInfoSize];
        int result;
        do
            result = libc.WaitId(IdTypePid, pid, signalInfo, WaitExited | WaitNoWait);
        while (WasInterrupted(result));
    }

    static bool WasInterrupted(int result) => result < 0 && Marshal.GetLastSystemError() == Interrupted;

    /// <summary>WIFEXITED(status) and WEXITSTATUS(status) == 0.</summary>
    static bool ExitedWithZero(int status) => (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0;
}
