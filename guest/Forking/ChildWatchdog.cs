using Guest.Rseq;

namespace Guest.Forking;

/// <summary>
/// Kills a forked child that outlives its deadline, so a stuck child costs the scenario one child
/// instead of hanging the guest until the harness gives up.
/// </summary>
/// <remarks>
/// A thread rather than polling waitpid with WNOHANG: the parent can then block in waitpid and
/// leave its CPU to the children. Under TCG with more vCPUs than host cores that gave a third more
/// forks (341 against 266 in 3 s, 4 vCPUs). The loop allocates nothing, so it never starts a GC
/// that a child could inherit half-done.
/// </remarks>
internal sealed class ChildWatchdog : IDisposable
{
    /// <summary>PIDs stay below 2^22 (PID_MAX_LIMIT), so a pid and its deadline share one atomic long.</summary>
    const int PidBits = 22;
    const long PidMask = (1L << PidBits) - 1;
    const int SignalKill = 9;
    static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(200);

    readonly LibC libc;
    readonly Thread thread;
    long armed;
    volatile bool stopping;

    public ChildWatchdog(LibC libc)
    {
        this.libc = libc;
        thread = new Thread(Watch) { IsBackground = true, Name = "child watchdog" };
        thread.Start();
    }

    public void Arm(int pid, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        Volatile.Write(ref armed, (deadline << PidBits) | (pid & PidMask));
    }

    /// <summary>
    /// Disarm before reaping: a kill that was already on its way then hits an unreaped zombie, never
    /// a process that reused the pid.
    /// </summary>
    public void Disarm() => Volatile.Write(ref armed, 0);

    /// <summary>
    /// Stops without joining: the thread is disarmed and leaves within one check interval, and
    /// joining would add that interval to every scenario's elapsed time.
    /// </summary>
    public void Dispose()
    {
        Disarm();
        stopping = true;
    }

    unsafe void Watch()
    {
        while (!stopping)
        {
            Thread.Sleep(CheckInterval);
            var current = Volatile.Read(ref armed);
            if (current != 0 && Environment.TickCount64 > current >> PidBits)
                libc.Kill((int)(current & PidMask), SignalKill);
        }
    }
}
