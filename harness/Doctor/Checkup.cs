using System.Runtime.CompilerServices;
using Harness.Running;

namespace Harness.Doctor;

/// <summary>
/// Every check a run depends on, in order from the quick ones to the slow ones (the network, the
/// guest build, the KVM probe), each line given as soon as it is known.
/// </summary>
/// <param name="settings">What a run with the same options would use (accelerator: the matrix's).</param>
/// <param name="progress">Receives the steps of the slow checks (guest build, kernel fetch, probe).</param>
public sealed class Checkup(RunSettings settings, Action<string> progress, TimeProvider clock)
{
    public async IAsyncEnumerable<CheckResult> RunAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var (qemu, qemuVersion) = await QemuCheck.RunAsync(settings.QemuPath, ct);
        yield return qemu;
        var programs = HostProgramsCheck.Run();
        yield return programs;
        IReadOnlyList<CheckResult> toolchain =
        [
            await BusyboxCheck.RunAsync(ct),
            await DotnetSdkCheck.RunAsync(settings.RepositoryRoot, ct),
            await NativeLinkerCheck.RunAsync(pathVariable: null, ct),
        ];
        foreach (var line in toolchain)
            yield return line;
        yield return KernelBuildToolsCheck.Run(settings.Matrix);
        yield return DiskCheck.Cache(settings.CacheRoot);
        yield return DiskCheck.Results(settings.ResultsRoot);

        if (programs.IsMissingProgram)
            yield return CheckResult.Skipped(AptCheck.Name, "needs apt-get and dpkg-deb (see the programs line)");
        else
        {
            foreach (var line in await new AptCheck(settings.CacheRoot, clock).RunAsync(settings.Matrix, ct))
                yield return line;
        }

        // Without QEMU's version there is no decision cache key, so the session is built on a stand-in; the accelerator line is skipped then.
        var session = new RunSession(settings, qemuVersion ?? "unknown", progress, clock);
        // A run keeps the probe's console in its run folder; the doctor writes none, so it goes to the cache.
        var probeConsole = Path.Combine(settings.CacheRoot, "doctor", "kvm-probe.console.log");
        Directory.CreateDirectory(Path.GetDirectoryName(probeConsole)!);
        var guestBuildable = toolchain.All(line => line.Status == CheckStatus.Ok);
        await foreach (var line in new AccelCheck(session, probeConsole).RunAsync(qemuVersion is not null, guestBuildable, ct))
            yield return line;
    }
}
