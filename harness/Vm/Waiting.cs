namespace Harness.Vm;

internal enum WaitOutcome
{
    Signalled,
    Exited,
    TimedOut,
}

internal static class Waiting
{
    /// <summary>Waits for a signal, the process's end or a timeout, whichever comes first.</summary>
    /// <remarks>The signal wins a tie: QEMU's end is only observed after its output has been read
    /// to the end, so a stream that completed just before QEMU exited counts as complete.</remarks>
    public static async Task<WaitOutcome> ForAsync(Task signal, Task exited, TimeSpan timeout, CancellationToken ct)
    {
        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(timeout, stopTimer.Token);
        await Task.WhenAny(signal, exited, timer);
        await stopTimer.CancelAsync();
        if (signal.IsCompleted)
            return WaitOutcome.Signalled;
        if (exited.IsCompleted)
            return WaitOutcome.Exited;
        ct.ThrowIfCancellationRequested();
        return WaitOutcome.TimedOut;
    }
}
