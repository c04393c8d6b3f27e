using Harness.GuestImage;
using Harness.Kernels;
using Harness.Prerequisites;
using Harness.Records;
using Harness.Running.Progress;
using Harness.Storage;
using Harness.Vm;

namespace Harness.Running;

/// <summary>
/// The machinery the rounds of one invocation share: QEMU and its version, one accelerator resolver
/// (so KVM is probed once and a fallback to TCG holds for every later round), the kernel provider and
/// the guest image builder. <c>run</c> runs one round, <c>soak</c> many; <c>doctor</c> uses the parts
/// to decide what a run would.
/// </summary>
public sealed class RunSession
{
    readonly MatrixRunner _runner;

    /// <param name="qemuVersion">The version line of <see cref="RunSettings.Qemu"/>, read by the caller.</param>
    /// <param name="progress">Told each kernel's phase as it changes (run's live view); null: nobody watches.</param>
    public RunSession(RunSettings settings, string qemuVersion, Action<string> log, TimeProvider clock, Action<KernelProgress>? progress = null)
    {
        Settings = settings;
        QemuVersion = qemuVersion;
        Accel = AccelSetup.Create(settings.Accel, settings.Qemu, qemuVersion, settings.CacheRoot, log);
        Kernels = new KernelProvider(settings.CacheRoot, log);
        Guests = new GuestImageBuilder(settings.RepositoryRoot, settings.CacheRoot, log);
        _runner = new MatrixRunner(new KernelRun(Kernels, new QemuRunner(settings.Qemu), clock), Guests, log, clock, progress);
    }

    public RunSettings Settings { get; }
    public string QemuVersion { get; }
    public AccelResolver Accel { get; }
    public KernelProvider Kernels { get; }
    public GuestImageBuilder Guests { get; }

    /// <summary>
    /// Checks everything that can fail for a reason outside the kernels before anything is written:
    /// the host programs, QEMU's version, and an explicit KVM whose device does not open.
    /// </summary>
    /// <exception cref="PrerequisiteException">A host program is missing.</exception>
    /// <exception cref="AccelUnavailableException">KVM was chosen explicitly and its device does not open.</exception>
    public static async Task<RunSession> OpenAsync(RunSettings settings, Action<string> log, TimeProvider clock, CancellationToken ct,
        Action<KernelProgress>? progress = null)
    {
        CheckPrerequisites(settings);
        var qemuVersion = await new QemuVersion(settings.Qemu, new ToolVersionCache(settings.CacheRoot)).ReadAsync(ct);
        log($"QEMU {qemuVersion}");
        var session = new RunSession(settings, qemuVersion, log, clock, progress);
        session.Accel.CheckUpFront();
        return session;
    }

    /// <summary>One round: every kernel of the matrix <paramref name="repeats"/> times, <paramref name="jobs"/> at once, written to <paramref name="folder"/>.</summary>
    public Task<RunRecord> RunAsync(int repeats, RunFolder folder, CancellationToken ct, int jobs = 1) =>
        _runner.RunAsync(Settings.Matrix, repeats, QemuVersion, Accel, HostInfoReader.Read(), folder, ct, jobs);

    static void CheckPrerequisites(RunSettings settings)
    {
        if (settings.QemuPath is { } explicitQemu && !File.Exists(explicitQemu))
            throw new PrerequisiteException($"{explicitQemu} not found (--qemu)");
        var forMatrix = Requirements.ForMatrix(Requirements.ForRun, settings.Matrix);
        var needed = settings.QemuPath is null ? forMatrix : forMatrix.Where(r => r.Command != QemuRunner.DefaultQemu);
        var missing = PathSearch.Missing(needed);
        if (missing.Count > 0)
            throw new PrerequisiteException($"{string.Join(", ", missing.Select(r => r.Command))} not found: run 'make run' (or 'harness setup') to install {string.Join(" ", missing.Select(r => r.Package).Distinct())}");
    }
}
