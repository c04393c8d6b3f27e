using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;
using Harness.GuestImage;

namespace Harness.Vm;

/// <summary>
/// Proves KVM by what a run needs: a Linux kernel reaching user space under it. Starting QEMU with
/// KVM is not enough (on some hosts it aborts at once: "failed to set MSR 0x10a"), and neither is
/// the firmware running under KVM (on others SeaBIOS runs, but every kernel stops after "Probing EDD
/// … ok" in long-mode entry, QEMU alive and silent, the host logging "kvm-pvm: INTERNAL_ERROR").
/// So the probe boots the run's first kernel with the guest image in probe mode: /init writes a
/// marker on the result port and reboots, which under KVM takes a second or two.
/// </summary>
/// <param name="kvmDevicePath">The KVM device; a host that cannot open it needs no boot to know.</param>
/// <param name="userSpaceLimit">How long the kernel may take to reach user space under KVM.</param>
/// <param name="silenceLimit">How long its console may stay silent before the probe gives up early.</param>
public sealed class AccelProbe(
    string qemuPath = QemuRunner.DefaultQemu,
    string kvmDevicePath = AccelProbe.DefaultKvmDevice,
    TimeSpan? userSpaceLimit = null,
    TimeSpan? silenceLimit = null,
    TimeProvider? clock = null)
{
    public const string DefaultKvmDevice = "/dev/kvm";

    readonly TimeSpan _userSpaceLimit = userSpaceLimit ?? TimeSpan.FromSeconds(20);
    readonly TimeSpan _silenceLimit = silenceLimit ?? TimeSpan.FromSeconds(5);
    readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Why KVM cannot be used without booting anything, or null when the device opens.</summary>
    public string? CannotOpenDevice()
    {
        try
        {
            using var device = File.Open(kvmDevicePath, FileMode.Open, FileAccess.ReadWrite);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{kvmDevicePath} cannot be opened: {e.Message}";
        }
    }

    /// <exception cref="QemuNotFoundException">QEMU cannot be started.</exception>
    public async Task<KvmProbeResult> ProbeAsync(ProbeBoot boot, CancellationToken ct)
    {
        if (CannotOpenDevice() is { } deviceProblem)
            return KvmProbeResult.DeviceUnusable(deviceProblem);

        var request = new VmRequest(
            boot.KernelImagePath, boot.InitramfsPath, Cpus: 2, MemoryMiB: 512, Accel.Kvm,
            GuestArguments: [InitScript.ProbeWord], _userSpaceLimit, _userSpaceLimit,
            boot.ConsoleLogPath, ResultsLogPath: "/dev/null");
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        var kvmError = new KvmErrorWatch();
        var elapsed = Stopwatch.StartNew();
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(ct);
        CommandTask<CommandResult> execution;
        try
        {
            // Not through Processes/Tool, as QemuRunner: the probe watches the console for the marker while
            // QEMU runs and stops it by signal as soon as the answer is known.
            execution = Cli.Wrap(qemuPath)
                .WithArguments(QemuArguments.Build(request))
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
                {
                    if (line.Contains(InitScript.ProbeMarker, StringComparison.Ordinal))
                        reached.TrySetResult();
                }))
                .WithStandardErrorPipe(PipeTarget.Merge(PipeTarget.ToStringBuilder(errors), PipeTarget.ToDelegate(kvmError.Add)))
                .ExecuteAsync(kill.Token);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new QemuNotFoundException(qemuPath, e);
        }

        using var stopWatchers = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var silence = ConsoleSilenceWatch.UntilSilentAsync(boot.ConsoleLogPath, _silenceLimit, _clock, stopWatchers.Token);
        WaitOutcome outcome;
        try
        {
            outcome = await Waiting.ForAsync(reached.Task, Task.WhenAny(execution.Task, silence, kvmError.Seen), _userSpaceLimit, ct);
        }
        finally
        {
            await stopWatchers.CancelAsync();
            await kill.CancelAsync();
        }
        var seconds = elapsed.Elapsed.TotalSeconds;
        var exitCode = await QemuStop.ExitCodeAsync(execution.Task);

        if (outcome == WaitOutcome.Signalled)
            return KvmProbeResult.ReachedUserSpace(boot.KernelLabel, seconds);
        if (kvmError.Seen.IsCompleted)
            return KvmProbeResult.Failed(boot.KernelLabel, $"QEMU reported: {await kvmError.Seen}");
        if (silence.IsCompletedSuccessfully)
            return KvmProbeResult.Failed(boot.KernelLabel,
                $"console silent for {_silenceLimit.TotalSeconds:0} s after: {await silence ?? "(nothing printed)"}");
        if (exitCode is { } code)
            return KvmProbeResult.Failed(boot.KernelLabel, $"QEMU with KVM exited with status {code}: {KvmProbeResult.ErrorLine(errors.ToString())}");
        return KvmProbeResult.Failed(boot.KernelLabel,
            $"no user space within {_userSpaceLimit.TotalSeconds:0} s (last console line: {ConsoleSilenceWatch.LastLine(boot.ConsoleLogPath) ?? "none"})");
    }

}
