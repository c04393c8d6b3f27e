using Harness.Config;
using Harness.Kernels;
using Harness.Records;
using Harness.Running;
using Harness.Running.Progress;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Running.Progress;

/// <summary>The phases one kernel's run reports, in the order they really happen.</summary>
public class KernelRunProgressTests
{
    sealed class OneKernel(List<string> events) : IKernelSupplier
    {
        public Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken)
        {
            events.Add("kernel fetched");
            return Task.FromResult(new KernelImage("bzImage", "sha256:0", true));
        }
    }

    /// <summary>A VM that plays the guest's stream through the request's line watcher, as QEMU's reader does.</summary>
    sealed class StreamingVm(List<string> events) : IVmRunner
    {
        static readonly string[] Stream =
            [KtapLines.Version, KtapLines.Plan(1), KtapLines.Result(1, ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null), KtapLines.Done(0)];

        public Task<VmRun> RunAsync(VmRequest request, CancellationToken cancellationToken)
        {
            events.Add("qemu started");
            foreach (var line in Stream)
                request.ResultLineSeen?.Invoke(line + "\r");
            return Task.FromResult(new VmRun(VmEnd.Completed, Stream, [], 0, "", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20)));
        }
    }

    [Test]
    public async Task A_kernel_reports_fetching_then_booting_then_each_finished_scenario()
    {
        var events = new List<string>();
        var results = Directory.CreateTempSubdirectory("harness-progress-").FullName;
        try
        {
            var entry = new KernelEntry("k", new PathKernelSource("bzImage"), Expectation.Pass, new MachineSettings(4, 512, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60),
                GuestSettings.Standard with { Scenarios = [ScenarioNames.ForkCpuId] }), new SourceLocation("kernels.yaml", 1, 1));
            var context = new RunContext(new AccelResolver(AccelChoice.Tcg, new AccelProbe(), null, _ => { }),
                new global::Harness.GuestImage.GuestImage("initramfs", "hash", true), 1, RunFolder.Create(results, DateTimeOffset.UnixEpoch));

            await new KernelRun(new OneKernel(events), new StreamingVm(events), TimeProvider.System)
                .RunAsync(entry, 1, context, CancellationToken.None, (phase, detail) => events.Add($"{phase}: {detail}"));
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }

        Assert.That(events, Is.EqualTo(new[]
        {
            "Fetching: path bzImage",
            "kernel fetched",
            "Booting: ",
            "qemu started",
            "Running: 0 scenarios done",
            "Running: 0/1 scenarios done",
            "Running: 1/1 scenarios done, last fork_cpu_id PASS",
        }));
    }
}
