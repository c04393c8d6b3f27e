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

    /// <summary>Waits for the child and says how it ended: a signal matters, SIGSEGV being rseq's own kill.</summary>
    public ChildExit WaitForExit(int pid, TimeSpan timeout)
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
        return reaped == pid ? ChildExit.FromWaitStatus(status) : ChildExit.Unknown;
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
}
