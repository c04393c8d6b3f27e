using Harness.Commands;
using Harness.Config;
using Harness.GuestImage;
using Harness.Kernels;
using Harness.Records;
using Harness.Running;
using Harness.Vm;

namespace Harness.Tests.Running;

/// <summary>
/// One kernel through the harness's own classes, as a run would: the real guest image, the per-user
/// cache (so a kernel is fetched or built only the first time), TCG, the real QEMU.
/// </summary>
static class RealKernelRuns
{
    public static async Task<KernelResult> RunAsync(RepositoryLayout layout, KernelEntry entry, string resultsRoot)
    {
        void Log(string line) => TestContext.Progress.WriteLine($"{entry.Name}: {line}");
        var cache = RepositoryLayout.DefaultCache;
        var guest = await new GuestImageBuilder(layout.Root, cache, Log).BuildAsync(CancellationToken.None);
        var context = new RunContext(new AccelResolver(AccelChoice.Tcg, new AccelProbe(), null, Log), guest, Seed: 1,
            RunFolder.Create(resultsRoot, DateTimeOffset.UtcNow));
        var run = new KernelRun(new KernelProvider(cache, Log), new QemuRunner(), TimeProvider.System);
        return await run.RunAsync(entry, repeat: 1, context, CancellationToken.None);
    }
}
