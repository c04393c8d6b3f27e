using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Harness.Vm;

/// <summary>Boots one VM under QEMU, follows its result stream live and ends it in every case.</summary>
/// <param name="qemuPath">The QEMU executable (tests pass a fake).</param>
/// <param name="exitGrace">How long QEMU may take to end by itself once the stream is complete, and
/// to end after SIGTERM before it is killed.</param>
public sealed class QemuRunner(string qemuPath = QemuRunner.DefaultQemu, TimeSpan? exitGrace = null, TimeProvider? clock = null)
    : IVmRunner
{
    public const string DefaultQemu = "qemu-system-x86_64";
    const int MaxErrorChars = 8_000;

    readonly TimeSpan _exitGrace = exitGrace ?? TimeSpan.FromSeconds(5);
    readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<VmRun> RunAsync(VmRequest request, CancellationToken ct)
    {
        CreateParentDirectory(request.ConsoleLogPath);
        CreateParentDirectory(request.ResultsLogPath);
        var stream = new ResultStream();
        var errors = new StringBuilder();
        var kvmError = new KvmErrorWatch();
        var clock = Stopwatch.StartNew();
        // Forceful: SIGKILL of QEMU. Linked to the caller's token so Ctrl-C ends QEMU too.
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // QEMU has a runner of its own, not Processes/Tool: its output is the guest's result stream, read
        // line by line as it comes with the time of each line, and it must be stopped by signal (SIGTERM,
        // then SIGKILL) on a timeout or Ctrl-C, which needs the running task, not only its end.
        var command = Cli.Wrap(qemuPath)
            .WithArguments(QemuArguments.Build(request))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Merge(
                PipeTarget.ToFile(request.ResultsLogPath),
                PipeTarget.ToDelegate(line =>
                {
                    stream.Add(line, clock.Elapsed);
                    request.ResultLineSeen?.Invoke(line);
                })))
            .WithStandardErrorPipe(PipeTarget.Merge(
                PipeTarget.ToStringBuilder(errors),
                PipeTarget.ToDelegate(kvmError.Add)));

        CommandTask<CommandResult> execution;
        try
        {
            execution = command.ExecuteAsync(kill.Token);
        }
        // CliWrap starts the process synchronously and throws these when it cannot.
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return new VmRun(VmEnd.QemuNotStarted, [], [], null, e.Message, TimeSpan.Zero, clock.Elapsed);
        }

        (VmEnd End, string? Detail) end;
        int? exitCode;
        using var stopWatchers = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            end = await SuperviseAsync(request, stream, kvmError, execution.Task, stopWatchers.Token, ct);
        }
        finally
        {
            await stopWatchers.CancelAsync();
            // Whatever happened above (a timeout, Ctrl-C, a bug here), no QEMU outlives the run.
            await QemuStop.StopAsync(execution.ProcessId, execution.Task, kill, ct.IsCancellationRequested ? TimeSpan.Zero : _exitGrace);
            exitCode = await QemuStop.ExitCodeAsync(execution.Task);
        }

        // Ctrl-C kills QEMU through the linked token, so the supervision can see QEMU exit before it
        // sees the cancellation and return "ended early": an interrupted boot must never be judged.
        ct.ThrowIfCancellationRequested();
        return new VmRun(
            end.End,
            stream.Lines.ToList(),
            ConsoleScanner.ScanFile(request.ConsoleLogPath),
            exitCode,
            Tail(errors.ToString().Trim()),
            stream.StartedAt ?? TimeSpan.Zero,
            clock.Elapsed,
            end.Detail,
            request.SilenceTimeout,
            stream.FinishedAt,
            stream.GuestStartAt);
    }

    async Task<(VmEnd, string?)> SuperviseAsync(
        VmRequest request, ResultStream stream, KvmErrorWatch kvmError, Task exited, CancellationToken watchers, CancellationToken ct)
    {
        // Before the guest starts, the console must keep moving and KVM must not fail: either ends the
        // boot at once rather than after the whole boot timeout.
        var silence = request.SilenceTimeout is { } limit
            ? ConsoleSilenceWatch.UntilSilentAsync(request.ConsoleLogPath, limit, _clock, watchers)
            : new TaskCompletionSource<string?>().Task;
        var bootStall = Task.WhenAny(silence, kvmError.Seen);
        switch (await Waiting.ForAsync(stream.Started, Task.WhenAny(exited, bootStall), request.BootTimeout, ct))
        {
            case WaitOutcome.Exited when kvmError.Seen.IsCompleted: return (VmEnd.KvmInternalError, await kvmError.Seen);
            case WaitOutcome.Exited when silence.IsCompletedSuccessfully: return (VmEnd.ConsoleSilent, await silence);
            case WaitOutcome.Exited: return (VmEnd.EndedEarly, null);
            case WaitOutcome.TimedOut: return (VmEnd.BootTimeout, null);
        }
        switch (await Waiting.ForAsync(stream.Finished, Task.WhenAny(exited, kvmError.Seen), request.TestTimeout, ct))
        {
            case WaitOutcome.Exited when kvmError.Seen.IsCompleted: return (VmEnd.KvmInternalError, await kvmError.Seen);
            case WaitOutcome.Exited: return (VmEnd.EndedEarly, null);
            case WaitOutcome.TimedOut: return (VmEnd.TestTimeout, null);
        }
        // The guest reboots right after its last line; give QEMU a moment to end by itself
        // (it flushes the console file) before it is stopped in every case.
        await Waiting.ForAsync(exited, exited, _exitGrace, ct);
        return (VmEnd.Completed, null);
    }


    static void CreateParentDirectory(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
    }

    static string Tail(string text) => text.Length <= MaxErrorChars ? text : "…" + text[^MaxErrorChars..];
}
