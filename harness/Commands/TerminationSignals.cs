using System.Runtime.InteropServices;

namespace Harness.Commands;

/// <summary>
/// Remembers which signal interrupted the harness, so that a run stopped by SIGTERM exits 143 and
/// one stopped by Ctrl-C 130, as a shell would report either. System.CommandLine cancels the verb on
/// both signals alike, and the verb then ends with the same OperationCanceledException, so the
/// signal has to be learned beside it.
/// </summary>
/// <remarks>
/// The handler leaves <see cref="PosixSignalContext.Cancel"/> alone: while a verb runs,
/// System.CommandLine's own handler cancels the signal's default action; outside a verb the signal
/// keeps its default and ends the process. The runtime calls every handler of a signal in turn on
/// one thread, in no promised order, and System.CommandLine's blocks until the verb has ended; so
/// this one may run only after the verb's status is known, and <see cref="ExitStatusAsync"/> waits
/// for it briefly.
/// </remarks>
public sealed class TerminationSignals : IDisposable
{
    static readonly TimeSpan HandlerDelay = TimeSpan.FromSeconds(2);

    readonly TaskCompletionSource<PosixSignal> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly PosixSignalRegistration _interrupt;
    readonly PosixSignalRegistration _terminate;

    public TerminationSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Remember);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Remember);
    }

    void Remember(PosixSignalContext context) => _received.TrySetResult(context.Signal);

    /// <summary>The verb's status, with "cancelled" made 143 when SIGTERM (not Ctrl-C) was the cause.</summary>
    public async Task<int> ExitStatusAsync(int status, CancellationToken cancellationToken)
    {
        if (status != ExitCodes.Cancelled)
            return status;
        try
        {
            var signal = await _received.Task.WaitAsync(HandlerDelay, cancellationToken);
            return signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : status;
        }
        // Cancelled by no signal at all (an OperationCanceledException from elsewhere): keep the status.
        catch (TimeoutException)
        {
            return status;
        }
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }
}
