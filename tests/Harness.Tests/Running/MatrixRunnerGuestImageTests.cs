using Harness.Config;
using Harness.GuestImage;
using Harness.Kernels;
using Harness.Records;
using Harness.Running;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Running;

/// <summary>
/// The guest image is built while the first kernels are fetched (a warm run saves the longer of the
/// two, a cold one a publish or a download), and a guest that cannot be built still stops the run.
/// </summary>
public class MatrixRunnerGuestImageTests
{
    sealed class GatedGuest(Task release, Exception? failure = null) : IGuestImageSupplier
    {
        public async Task<global::Harness.GuestImage.GuestImage> BuildAsync(CancellationToken cancellationToken)
        {
            await release.WaitAsync(cancellationToken);
            return failure is null ? new global::Harness.GuestImage.GuestImage("guest.cpio.gz", "hash", true) : throw failure;
        }
    }

    /// <summary>Says when a fetch began; each then waits for <paramref name="release"/> (or its cancellation) and fails or gives a kernel.</summary>
    sealed class SignallingKernels(Task release, Exception? failure = null) : IKernelSupplier
    {
        public TaskCompletionSource FetchBegan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool SawCancellation { get; private set; }

        public async Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken)
        {
            FetchBegan.TrySetResult();
            try
            {
                await release.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
            return failure is null ? new KernelImage("bzImage", "sha256:0", true) : throw failure;
        }
    }

    sealed class RecordingVms : IVmRunner
    {
        public List<VmRequest> Requests { get; } = [];

        public Task<VmRun> RunAsync(VmRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
                Requests.Add(request);
            return Task.FromResult(new VmRun(VmEnd.Completed,
                [KtapLines.Version, KtapLines.Plan(1), KtapLines.Result(1, ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null), KtapLines.Done(0)],
                [], 0, "", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)));
        }
    }

    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    ScratchFolder _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchFolder();

    [TearDown]
    public void RemoveScratch() => _scratch.Dispose();

    Task<RunRecord> RunAsync(IKernelSupplier kernels, IGuestImageSupplier guest, IVmRunner vms, int jobs = 1)
    {
        var machine = new MachineSettings(1, 512, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60),
            GuestSettings.Standard with { Scenarios = [ScenarioNames.ForkCpuId] });
        KernelEntry Kernel(string name) => new(name, new PathKernelSource("bzImage"), Expectation.Pass, machine, new SourceLocation("kernels.yaml", 1, 1));
        var matrix = new Matrix(_scratch.File("kernels.yaml"), MatrixDefaults.Standard, [Kernel("a"), Kernel("b")]);
        var runner = new MatrixRunner(new KernelRun(kernels, vms, TimeProvider.System), guest, _ => { }, TimeProvider.System);
        return runner.RunAsync(matrix, 1, "QEMU emulator version 0", new AccelResolver(AccelChoice.Tcg, new AccelProbe(), null, _ => { }),
            new HostInfo("host", "Linux", "6.1", 2), RunFolder.Create(_scratch.Results, DateTimeOffset.UnixEpoch), CancellationToken.None, jobs);
    }

    [Test]
    public async Task The_first_kernel_is_fetched_while_the_guest_image_is_still_being_built_and_boots_with_it()
    {
        var guestReleased = new TaskCompletionSource();
        var kernels = new SignallingKernels(Task.CompletedTask);
        var vms = new RecordingVms();

        var run = RunAsync(kernels, new GatedGuest(guestReleased.Task), vms);
        await kernels.FetchBegan.Task.WaitAsync(Patience);
        Assert.That(vms.Requests, Is.Empty, "no kernel boots before the guest image is there");
        guestReleased.SetResult();
        var record = await run.WaitAsync(Patience);

        Assert.That(vms.Requests.Select(r => r.InitramfsPath), Is.EqualTo(new[] { "guest.cpio.gz", "guest.cpio.gz" }));
        Assert.That(record.Kernels.SelectMany(k => k.Scenarios).Select(s => s.Outcome), Is.All.EqualTo(ScenarioVerdict.Pass));
        Assert.That(record.Guest.ContentHash, Is.EqualTo("hash"));
    }

    [Test]
    public async Task A_guest_image_that_cannot_be_built_fails_the_run_and_stops_the_fetches_in_progress()
    {
        var guestFails = new TaskCompletionSource();
        var kernels = new SignallingKernels(Task.Delay(Timeout.Infinite));
        var vms = new RecordingVms();

        var run = RunAsync(kernels, new GatedGuest(guestFails.Task, new GuestBuildException("dotnet publish failed")), vms, jobs: 2);
        await kernels.FetchBegan.Task.WaitAsync(Patience);
        guestFails.SetResult();

        var failure = Assert.ThrowsAsync<GuestBuildException>(async () => await run.WaitAsync(Patience));
        Assert.That(failure!.Message, Is.EqualTo("dotnet publish failed"));
        Assert.That(kernels.SawCancellation, Is.True, "the fetch that was waiting was cancelled");
        Assert.That(vms.Requests, Is.Empty);
    }

    [Test]
    public void A_guest_image_that_cannot_be_built_fails_the_run_even_when_no_kernel_could_be_had()
    {
        var kernels = new SignallingKernels(Task.CompletedTask, new KernelAcquisitionException("not in the archive"));

        var failure = Assert.ThrowsAsync<GuestBuildException>(async () =>
            await RunAsync(kernels, new GatedGuest(Task.Delay(200), new GuestBuildException("busybox missing")), new RecordingVms()).WaitAsync(Patience));

        Assert.That(failure!.Message, Is.EqualTo("busybox missing"));
    }
}
