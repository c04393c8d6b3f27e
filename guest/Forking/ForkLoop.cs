using System.Diagnostics;
using System.Runtime.InteropServices;
using Guest.Rseq;

namespace Guest.Forking;

/// <summary>
/// Forks children one at a time until the time is up or the parent has enough: each child runs
/// <typeparamref name="TChild"/>, writes its report on the shared page and exits; the parent reaps
/// it, with a watchdog for one that hangs, and hands a complete report to the parent's side.
/// </summary>
/// <remarks>
/// Allocates nothing per fork. With concurrent GC off (see Guest.csproj) a GC can then only start
/// on this thread, between forks, so no child is ever forked in the middle of one. Every type the
/// child touches is a struct, so this method is compiled for each scenario on its own and the child
/// reaches <see cref="IForkChild{TContext}.Run"/> through a plain direct call.
/// </remarks>
internal static unsafe class ForkLoop
{
    static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(10);

    /// <param name="report">The child's report on a <see cref="SharedPage"/>; the context points at it too.</param>
    public static void Run<TChild, TContext, TReport>(
        LibC libc, Syscalls syscalls, TContext context, TReport* report, IForkParent<TReport> parent, TimeSpan duration)
        where TChild : struct, IForkChild<TContext>
        where TContext : unmanaged
        where TReport : unmanaged, IChildReport
    {
        using var watchdog = new ChildWatchdog(libc);
        var waiter = new ChildWaiter(libc, watchdog);
        var forkFailures = new ForkFailureStreak();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration && parent.WantsMoreForks)
        {
            *report = default;
            var parentCpu = syscalls.GetCpu();
            var pid = libc.Fork();
            if (pid == 0)
                TChild.Run(context); // ends in _exit: the child never comes back here

            if (pid < 0)
            {
                var errno = Marshal.GetLastSystemError();
                parent.RecordForkFailure(errno);
                if (forkFailures.RecordFailure())
                    throw new InvalidOperationException($"fork failed {forkFailures.Length} times in a row (errno {errno})");
                continue;
            }
            forkFailures.RecordSuccess();

            var exit = waiter.WaitForExit(pid, ChildTimeout);
            if (!exit.IsClean || !report->HasCompleted())
            {
                parent.RecordLostChild(exit);
                continue;
            }
            parent.RecordChild(parentCpu, report);
        }
    }
}
