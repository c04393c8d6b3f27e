using System.Runtime.CompilerServices;
using Harness.Config;
using Harness.GuestImage;
using Harness.Kernels;
using Harness.Running;
using Harness.Vm;

namespace Harness.Doctor;

/// <summary>
/// The accelerator a run would use, decided as a run decides it: the guest image built (or taken
/// from the cache), the first kernel of the matrix a run could boot fetched the way a run fetches it,
/// and the session's resolver asked, which under <c>auto</c> boots that kernel under KVM with the
/// guest in probe mode. The answer goes to the same decision cache, so the next run starts at once.
/// </summary>
/// <param name="probeConsolePath">Where the probe's console goes (a run keeps it in its run folder; the doctor has none).</param>
public sealed class AccelCheck(RunSession session, string probeConsolePath)
{
    public const string GuestName = "guest";
    public const string KernelName = "kernel";
    public const string Name = "accel";

    /// <param name="qemuWorks">False when QEMU failed its check: then the guest and kernel are checked, the accelerator is not.</param>
    /// <param name="guestBuildable">False when busybox, the SDK or its linker failed their checks: then the guest is not built.</param>
    public async IAsyncEnumerable<CheckResult> RunAsync(bool qemuWorks, bool guestBuildable, [EnumeratorCancellation] CancellationToken ct)
    {
        GuestImage.GuestImage? guest = null;
        if (guestBuildable)
        {
            (var guestLine, guest) = await GuestAsync(ct);
            yield return guestLine;
        }
        else
            yield return CheckResult.Skipped(GuestName, "needs busybox, the .NET SDK and its linker (see their lines)");

        (KernelEntry Entry, KernelImage Image)? first = null;
        foreach (var entry in session.Settings.Matrix.Kernels)
        {
            var (kernelLine, image) = await KernelAsync(entry, ct);
            yield return kernelLine;
            if (image is not null)
            {
                first = (entry, image);
                break;
            }
        }

        if (!qemuWorks)
            yield return CheckResult.Skipped(Name, "needs a working QEMU (see the qemu line)");
        else if (guest is null)
            yield return CheckResult.Skipped(Name, "needs the guest image (see the guest line)");
        else if (first is not var (entry, image))
            yield return CheckResult.Broken(Name, "no kernel of the matrix could be had to decide with", "see the kernel lines");
        else
            yield return await DecideAsync(new ProbeBoot(image.BootPath, guest.InitramfsPath, $"{entry.Name} ({image.Identity})", probeConsolePath), ct);
    }

    async Task<(CheckResult, GuestImage.GuestImage?)> GuestAsync(CancellationToken ct)
    {
        try
        {
            var guest = await session.Guests.BuildAsync(ct);
            var hash = guest.ContentHash.Length > 12 ? guest.ContentHash[..12] : guest.ContentHash;
            return (CheckResult.Ok(GuestName, $"initramfs {hash} {(guest.FromCache ? "from the cache" : "built")}: {guest.InitramfsPath}"), guest);
        }
        catch (GuestBuildException e)
        {
            return (CheckResult.Broken(GuestName, FirstLine(e.Message), "see the publish log the message names, or the dotnet and linker lines"), null);
        }
    }

    /// <summary>A kernel a run could not have is an ERROR row in the run, which goes on with the next; so here a warning, and the next is tried.</summary>
    async Task<(CheckResult, KernelImage?)> KernelAsync(KernelEntry entry, CancellationToken ct)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var image = await session.Kernels.GetAsync(entry.Source, ct);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var how = entry.Source switch
            {
                PathKernelSource => "on disk",
                _ when image.FromCache => "from the cache",
                BuildKernelSource => $"built in {elapsed.TotalSeconds:0} s",
                _ => $"fetched in {elapsed.TotalSeconds:0.0} s",
            };
            return (CheckResult.Ok(KernelName, $"{entry.Name}: {image.Identity}, {how} (the kernel a run boots first)"), image);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (CheckResult.Warn(KernelName, $"{entry.Name}: {FirstLine(e.Message)}", $"a run would record {entry.Name} as ERROR"), null);
        }
    }

    async Task<CheckResult> DecideAsync(ProbeBoot boot, CancellationToken ct)
    {
        AccelDecision decision;
        try
        {
            session.Accel.CheckUpFront();
            decision = await session.Accel.DecideAsync(boot, ct);
        }
        catch (AccelUnavailableException e)
        {
            return CheckResult.Broken(Name, e.Message, "make the KVM device usable (the kvm group, or load the kvm module), or set accel: auto");
        }
        var line = $"{decision.Accel.Word()} ({decision.Reason})";
        // A KVM device that is there but cannot boot Linux (or cannot be opened) is worth fixing:
        // everything then runs under TCG, several times slower. A host without one has nothing to fix.
        if (decision.Accel == Vm.Accel.Tcg && session.Accel.Choice == AccelChoice.Auto && File.Exists(AccelSetup.KvmDevice))
            return CheckResult.Warn(Name, line, $"{AccelSetup.KvmDevice} is there but KVM did not run Linux, so runs use TCG (slower); probe console: {boot.ConsoleLogPath}");
        return CheckResult.Ok(Name, line);
    }

    static string FirstLine(string text) => Processes.OutputLines.First(text) ?? text;
}
