using System.ComponentModel;
using System.Text;
using CliWrap;
using Harness.Config;

namespace Harness.Vm;

/// <summary>
/// Decides between KVM and TCG by starting QEMU with KVM, not by looking at /dev/kvm: on some hosts
/// the device opens but QEMU aborts at once ("failed to set MSR 0x10a", an assertion in its KVM code).
/// </summary>
/// <remarks>The probe runs once per instance; the CLI keeps one instance per process.</remarks>
public sealed class AccelProbe(
    string qemuPath = QemuRunner.DefaultQemu,
    string kvmDevicePath = "/dev/kvm",
    TimeSpan? probeTimeout = null)
{
    readonly TimeSpan _probeTimeout = probeTimeout ?? TimeSpan.FromSeconds(5);
    readonly SemaphoreSlim _gate = new(1, 1);
    KvmProbeResult? _probed;

    /// <exception cref="AccelUnavailableException">KVM was chosen explicitly and does not work.</exception>
    /// <exception cref="QemuNotFoundException">QEMU cannot be started.</exception>
    public async Task<AccelDecision> ResolveAsync(AccelChoice choice, CancellationToken ct)
    {
        if (choice == AccelChoice.Tcg)
            return new AccelDecision(AccelDecision.Tcg, "TCG chosen in the matrix");

        var kvm = await ProbeOnceAsync(ct);
        return (choice, kvm.Works) switch
        {
            (_, true) => new AccelDecision(AccelDecision.Kvm, kvm.Reason),
            (AccelChoice.Kvm, false) => throw new AccelUnavailableException(kvm.Reason),
            _ => new AccelDecision(AccelDecision.Tcg, kvm.Reason),
        };
    }

    async Task<KvmProbeResult> ProbeOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return _probed ??= await ProbeAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task<KvmProbeResult> ProbeAsync(CancellationToken ct)
    {
        if (CannotOpenDevice() is { } deviceProblem)
            return new KvmProbeResult(false, deviceProblem);

        var banner = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(ct);
        CommandTask<CommandResult> execution;
        try
        {
            execution = Cli.Wrap(qemuPath)
                .WithArguments(ProbeArguments())
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
                {
                    if (line.Contains(KvmProbeResult.FirmwareBanner, StringComparison.Ordinal))
                        banner.TrySetResult();
                }))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(errors))
                .ExecuteAsync(kill.Token);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new QemuNotFoundException(qemuPath, e);
        }

        WaitOutcome outcome;
        int? exitCode = null;
        try
        {
            outcome = await Waiting.ForAsync(banner.Task, execution.Task, _probeTimeout, ct);
        }
        finally
        {
            await kill.CancelAsync();
            try
            {
                exitCode = (await execution).ExitCode;
            }
            catch (OperationCanceledException)
            {
                // Killed by us: the normal end of a probe that worked.
            }
        }
        return KvmProbeResult.Judge(outcome == WaitOutcome.Signalled, outcome == WaitOutcome.Exited ? exitCode : null, errors.ToString(), _probeTimeout);
    }

    string? CannotOpenDevice()
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

    /// <summary>
    /// The firmware alone, with the same machine and CPU model as a real run, its debug port
    /// (where SeaBIOS writes its banner) on stdout: the banner proves guest code ran under KVM.
    /// </summary>
    static IReadOnlyList<string> ProbeArguments() =>
    [
        "-M", "q35", "-accel", "kvm", "-cpu", "host",
        "-display", "none", "-nodefaults", "-monitor", "none", "-no-reboot",
        "-chardev", "stdio,id=probe",
        "-device", "isa-debugcon,iobase=0x402,chardev=probe",
    ];
}
