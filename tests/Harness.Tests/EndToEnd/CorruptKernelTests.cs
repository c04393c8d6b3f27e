using Harness.Records;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>A <c>path:</c> kernel that is not a whole bzImage is an ERROR of that kernel, with the reason, and boots nothing.</summary>
public class CorruptKernelTests : ScratchTests
{
    async Task<(HarnessProcess.Outcome Outcome, RunRecord Run)> RunWithImageAsync(byte[] image)
    {
        var path = Scratch.WriteBytes("bzImage", image);
        var matrix = Scratch.Write("kernels.yaml", """
            defaults: { accel: tcg, boot_timeout: 20, test_timeout: 20, guest: { scenarios: [fork_cpu_id] } }
            kernels:
              - name: broken
                source: { path: bzImage }
            """);
        var outcome = await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", Scratch.Results, "--qemu", FakeQemu],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = "pass" });
        Assert.That(path, Does.Exist);
        return (outcome, RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(Scratch.Results, "latest", "run.json"))));
    }

    [Test]
    public async Task A_kernel_of_random_bytes_is_an_error_not_a_bzImage_and_never_boots()
    {
        var random = new byte[64 * 1024];
        new Random(5).NextBytes(random);

        var (outcome, run) = await RunWithImageAsync(random);

        var kernel = run.Kernels.Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExitCode, Is.EqualTo(1));
            Assert.That(kernel.Error, Does.Contain("is not a bzImage (no 'HdrS' boot header at 0x202)"));
            Assert.That(kernel.Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Error));
            Assert.That(kernel.ConsoleLog, Is.Null, "QEMU never ran");
        });
    }

    [Test]
    public async Task A_truncated_kernel_is_an_error_naming_both_lengths()
    {
        var (outcome, run) = await RunWithImageAsync(Kernels.FakeBzImage.Bytes()[..0x300]);

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(run.Kernels.Single().Error,
            Does.Contain($"is not a bzImage (truncated: {0x300} bytes where its boot header declares {Kernels.FakeBzImage.Length})"));
    }
}
