using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Harness.Vm;

/// <summary>Boots one VM under QEMU, follows its result stream live and ends it in every case.</summary>
/// <param name="qemuPath">The QEMU executable (tests pass a fake).</param>
/// <param name="exitGrace">How long QEMU may take to end by itself once the stream is complete.</param>
public sealed class QemuRunner(string qemuPath = QemuRunner.DefaultQemu, TimeSpan? exitGrace = null) : Harness.Running.IVmRunner
{
    public const string DefaultQemu = "qemu-system-x86_64";
    const int MaxErrorChars = 8_000;

    readonly TimeSpan _exitGrace = exitGrace ?? TimeSpan.FromSeconds(10);

    public async Task<VmRun> RunAsync(VmRequest request, CancellationToken ct)
    {
        CreateParentDirectory(request.ConsoleLogPath);
        CreateParentDirectory(request.ResultsLogPath);
        var stream = new ResultStream();
        var errors = new StringBuilder();
        var clock = Stopwatch.StartNew();
        // Forceful: SIGKILL of QEMU. Linked to the caller's token so Ctrl-C kills QEMU too.
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var command = Cli.Wrap(qemuPath)
            .WithArguments(QemuArguments.Build(request))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Merge(
                PipeTarget.ToFile(request.ResultsLogPath),
                PipeTarget.ToDelegate(line => stream.Add(line, clock.Elapsed))))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(errors));

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

        VmEnd end;
        int? exitCode;
        try
        {
            end = await SuperviseAsync(request, stream, execution.Task, ct);
        }
        finally
        {
            // Whatever happened above (a timeout, Ctrl-C, a bug here), no QEMU outlives the run.
            await kill.CancelAsync();
            exitCode = await ExitCodeAsync(execution.Task);
        }

        return new VmRun(
            end,
            stream.Lines.ToList(),
            ConsoleScanner.ScanFile(request.ConsoleLogPath),
            exitCode,
            Tail(errors.ToString().Trim()),
            stream.StartedAt ?? TimeSpan.Zero,
            clock.Elapsed);
    }

    async Task<VmEnd> SuperviseAsync(VmRequest request, ResultStream stream, Task exited, CancellationToken ct)
    {
        switch (await Waiting.ForAsync(stream.Started, exited, request.BootTimeout, ct))
        {
            case WaitOutcome.Exited: return VmEnd.EndedEarly;
            case WaitOutcome.TimedOut: return VmEnd.BootTimeout;
        }
        switch (await Waiting.ForAsync(stream.Finished, exited, request.TestTimeout, ct))
        {
            case WaitOutcome.Exited: return VmEnd.EndedEarly;
            case WaitOutcome.TimedOut: return VmEnd.TestTimeout;
        }
        // The guest reboots right after its last line; give QEMU a moment to end by itself
        // (it flushes the console file) before the kill that follows in every case.
        await Waiting.ForAsync(exited, exited, _exitGrace, ct);
        return VmEnd.Completed;
    }

    /// <summary>QEMU's exit status, or null when it was killed.</summary>
    static async Task<int?> ExitCodeAsync(Task<CommandResult> execution)
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

    static void CreateParentDirectory(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
    }

    static string Tail(string text) => text.Length <= MaxErrorChars ? text : "…" + text[^MaxErrorChars..];
}
