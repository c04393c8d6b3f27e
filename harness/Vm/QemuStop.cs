using System.Runtime.InteropServices;

namespace Harness.Vm;

/// <summary>
/// Ends a QEMU that has to be stopped: SIGTERM first, which QEMU handles by closing its files
/// ("terminating on signal 15"), so the console log is complete; SIGKILL after a grace period when
/// it does not end, because a QEMU stuck in a host call or ignoring signals must never outlive the run.
/// </summary>
public static class QemuStop
{
    const int SigTerm = 15;

    /// <param name="exited">Completes when QEMU has ended.</param>
    /// <param name="forceful">Cancelling it makes CliWrap kill the process (SIGKILL).</param>
    public static async Task StopAsync(int processId, Task exited, CancellationTokenSource forceful, TimeSpan grace)
    {
        if (!exited.IsCompleted)
        {
            _ = Kill(processId, SigTerm);
            await Task.WhenAny(exited, Task.Delay(grace));
        }
        await forceful.CancelAsync();
    }

    /// <summary>QEMU's exit status once it has ended, or null when it was killed (SIGKILL through the cancelled token).</summary>
    public static async Task<int?> ExitCodeAsync(Task<CliWrap.CommandResult> execution)
    {
        try
        {
            return (await execution).ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);
}
