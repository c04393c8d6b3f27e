using Harness.Records;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>A <c>path:</c> kernel that is not a whole bzImage is an ERROR of that kernel, with the reason, and boots nothing.</summary>
/// <remarks>
/// Both corrupt kernels are in one run (a harness process instead of two): each kernel is checked
/// and judged on its own, as in a run of one.
/// </remarks>
public class CorruptKernelTests
{
    ScratchFolder _scratch = null!;
    HarnessProcess.Outcome _outcome = null!;
    IReadOnlyDictionary<string, KernelResult> _kernels = new Dictionary<string, KernelResult>();

    [OneTimeSetUp]
    public async Task RunAKernelOfRandomBytesAndATruncatedOne()
    {
        _scratch = new ScratchFolder();
        var random = new byte[64 * 1024];
        new Random(5).NextBytes(random);
        _scratch.WriteBytes("bzImage-random", random);
        _scratch.WriteBytes("bzImage-truncated", Kernels.FakeBzImage.Bytes()[..0x300]);
        var matrix = _scratch.Write("kernels.yaml", """
            defaults: { accel: tcg, boot_timeout: 20, test_timeout: 20, guest: { scenarios: [fork_cpu_id] } }
            kernels:
              - name: random
                source: { path: bzImage-random }
              - name: truncated
                source: { path: bzImage-truncated }
            """);
        _outcome = await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", _scratch.Results, "--qemu", Vm.FakeQemu.Path],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = "pass" });
        _kernels = RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(_scratch.Results, "latest", "run.json"))).Kernels.ToDictionary(k => k.Name);
    }

    [OneTimeTearDown]
    public void RemoveScratch() => _scratch.Dispose();

    [Test]
    public void A_kernel_of_random_bytes_is_an_error_not_a_bzImage_and_never_boots()
    {
        var kernel = _kernels["random"];
        Assert.Multiple(() =>
        {
            Assert.That(_outcome.ExitCode, Is.EqualTo(1), _outcome.Output + _outcome.Errors);
            Assert.That(kernel.Error, Does.Contain("is not a bzImage (no 'HdrS' boot header at 0x202)"));
            Assert.That(kernel.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Error));
            Assert.That(kernel.ConsoleLog, Is.Null, "QEMU never ran");
            Assert.That(_scratch.File("bzImage-random"), Does.Exist);
        });
    }

    [Test]
    public void A_truncated_kernel_is_an_error_naming_both_lengths()
    {
        var kernel = _kernels["truncated"];
        Assert.Multiple(() =>
        {
            Assert.That(kernel.Error,
                Does.Contain($"is not a bzImage (truncated: {0x300} bytes where its boot header declares {Kernels.FakeBzImage.Length})"));
            Assert.That(kernel.ConsoleLog, Is.Null, "QEMU never ran");
            Assert.That(_scratch.File("bzImage-truncated"), Does.Exist);
        });
    }
}
