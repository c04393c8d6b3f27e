using Harness.Config;
using Harness.Kernels;
using Harness.Records;
using Harness.Running;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Running;

/// <summary>
/// The kernel's own selftests take minutes under TCG and are a second opinion: under --repeat they
/// ride along on the first repetition only, and the later ones boot the plain guest image.
/// </summary>
public class KernelRunSelftestRepeatTests
{
    sealed class KernelWithSelftests(string selftests) : IKernelSupplier
    {
        public Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken) =>
            Task.FromResult(new KernelImage("bzImage", "sha256:0", true, SelftestsDirectory: selftests));
    }

    sealed class RecordingVms : IVmRunner
    {
        public List<VmRequest> Requests { get; } = [];

        public Task<VmRun> RunAsync(VmRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new VmRun(VmEnd.Completed,
                [KtapLines.Version, KtapLines.Plan(1), KtapLines.Result(1, ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null), KtapLines.Done(0)],
                [], 0, "", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)));
        }
    }

    string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("selftest-repeat-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Only_the_first_repetition_of_a_kernel_boots_with_its_selftests()
    {
        var selftests = Directory.CreateDirectory(Path.Combine(folder, "selftests")).FullName;
        await File.WriteAllTextAsync(Path.Combine(selftests, "basic_test"), "#!/bin/sh\n");
        var baseImage = Path.Combine(folder, "initramfs.cpio.gz");
        await File.WriteAllBytesAsync(baseImage, [0x1f, 0x8b]);
        var entry = new KernelEntry("k", new PathKernelSource("bzImage"), Expectation.Pass, new MachineSettings(4, 512, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60),
            GuestSettings.Standard with { Scenarios = [ScenarioNames.ForkCpuId] }), new SourceLocation("kernels.yaml", 1, 1));
        var context = new RunContext(new AccelResolver(AccelChoice.Tcg, new AccelProbe(), null, _ => { }),
            new global::Harness.GuestImage.GuestImage(baseImage, "hash", true), 1, RunFolder.Create(Path.Combine(folder, "results"), DateTimeOffset.UnixEpoch));
        var vms = new RecordingVms();
        var run = new KernelRun(new KernelWithSelftests(selftests), vms, TimeProvider.System);

        await run.RunAsync(entry, 1, context, CancellationToken.None);
        await run.RunAsync(entry, 2, context, CancellationToken.None);

        Assert.That(vms.Requests[0].InitramfsPath, Is.Not.EqualTo(baseImage), "the first repetition carries the selftests");
        Assert.That(vms.Requests[1].InitramfsPath, Is.EqualTo(baseImage), "a later repetition boots the plain guest image");
    }
}
