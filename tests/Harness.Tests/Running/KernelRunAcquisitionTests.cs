using Harness.Config;
using Harness.Kernels;
using Harness.Records;
using Harness.Running;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Running;

public class KernelRunAcquisitionTests
{
    sealed class FailingKernels(Exception failure) : IKernelSupplier
    {
        public Task<KernelImage> GetAsync(KernelSource source, CancellationToken cancellationToken) =>
            throw failure;
    }

    sealed class NoVms : IVmRunner
    {
        public Task<VmRun> RunAsync(VmRequest request, CancellationToken cancellationToken) =>
            throw new AssertionException("a kernel that could not be had was booted");
    }

    string _results = "";

    [SetUp]
    public void CreateResults() => _results = Directory.CreateTempSubdirectory("harness-acquire-").FullName;

    [TearDown]
    public void RemoveResults() => Directory.Delete(_results, recursive: true);

    async Task<(KernelResult Result, RunFolder Folder)> RunAsync(Exception failure)
    {
        var entry = new KernelEntry("k", new PathKernelSource("bzImage"), Expectation.Pass, new MachineSettings(4, 512, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60),
            GuestSettings.Standard with { Scenarios = [ScenarioNames.ForkCpuId] }), new SourceLocation("kernels.yaml", 1, 1));
        var folder = RunFolder.Create(_results, DateTimeOffset.UnixEpoch);
        var context = new RunContext(new AccelResolver(AccelChoice.Tcg, new AccelProbe(), null, _ => { }),
            new global::Harness.GuestImage.GuestImage("initramfs", "hash", true), 1, folder);
        var result = await new KernelRun(new FailingKernels(failure), new NoVms(), TimeProvider.System).RunAsync(entry, 1, context, CancellationToken.None);
        return (result, folder);
    }

    [Test]
    public async Task A_kernel_that_cannot_be_fetched_is_an_error_row_with_the_fetch_failure_and_no_crash_log()
    {
        var (result, folder) = await RunAsync(new KernelAcquisitionException("linux-image-9.9 not in bookworm"));

        Assert.That(result.Error, Is.EqualTo("linux-image-9.9 not in bookworm"));
        Assert.That(result.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(Directory.GetFiles(folder.Path, "harness-crash-*"), Is.Empty);
    }

    [Test]
    public async Task A_harness_bug_while_getting_a_kernel_is_an_error_row_naming_the_log_that_keeps_its_stack_trace()
    {
        var (result, folder) = await RunAsync(new InvalidOperationException("sequence contains no elements"));

        var log = Directory.GetFiles(folder.Path, "harness-crash-*").Single();
        Assert.That(result.Error, Does.StartWith("internal error (InvalidOperationException: sequence contains no elements)").And.Contain(log));
        Assert.That(File.ReadAllText(log), Does.Contain("System.InvalidOperationException: sequence contains no elements")
            .And.Contain("at Harness.Tests.Running.KernelRunAcquisitionTests.FailingKernels.GetAsync"));
    }
}
