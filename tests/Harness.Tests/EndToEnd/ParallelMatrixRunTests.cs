using Harness.Records;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary><c>run -j N</c> against the fake QEMU: VMs at once, rows in the matrix's order, and the clamp to the host's cores.</summary>
public class ParallelMatrixRunTests : ScratchTests
{
    string Matrix(int cpus)
    {
        Scratch.FakeBzImage();
        File.AppendAllText(Scratch.FakeBzImage("bzImage-slow"), "fakeqemu.mode=slow\0");
        return Scratch.Write("kernels.yaml", $$"""
            defaults:
              accel: tcg
              cpus: {{cpus}}
              boot_timeout: 600
              silence_timeout: 600
              test_timeout: 60
              guest:
                scenarios: [fork_cpu_id]
            kernels:
              - name: slow
                source: { path: bzImage-slow }
              - name: quick-a
                source: { path: bzImage }
              - name: quick-b
                source: { path: bzImage }
            """);
    }

    async Task<HarnessProcess.Outcome> RunAsync(string matrix, params string[] more)
    {
        var cache = Path.Combine(Scratch.Path, "cache");
        await SeededCache.CreateAsync(cache);
        return await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", Scratch.Results, "--qemu", FakeQemu, "--cache", cache, .. more],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = null });
    }

    RunRecord LatestRun() => RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(Scratch.Results, "latest", "run.json")));

    static int LineOf(string output, string text) =>
        output.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index;

    [Test]
    public async Task At_j_2_a_later_kernel_ends_before_a_slow_first_one_yet_run_json_keeps_the_matrix_order()
    {
        var outcome = await RunAsync(Matrix(cpus: 1), "-j", "2", "--oversubscribe");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(LineOf(outcome.Output, "[2/3] quick-a: fork_cpu_id=PASS"), Is.LessThan(LineOf(outcome.Output, "[1/3] slow: fork_cpu_id=PASS")),
                "quick-a ran beside slow and ended first");
            Assert.That(LatestRun().Kernels.Select(k => k.Name), Is.EqualTo(new[] { "slow", "quick-a", "quick-b" }));
            Assert.That(LatestRun().Kernels.SelectMany(k => k.Scenarios).Select(s => s.Outcome), Is.All.EqualTo(ScenarioVerdict.Pass));
            Assert.That(outcome.Output, Does.Not.Contain("at a time"));
        });
    }

    [Test]
    public async Task At_j_2_kernels_whose_vcpus_exceed_the_host_cores_run_one_at_a_time_and_the_run_says_so()
    {
        // 64 vCPUs a VM: more than half the cores of any host this runs on, so two never fit.
        var outcome = await RunAsync(Matrix(cpus: 64), "-j", "2");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Output, Does.Contain("-j 2 would run 2 VMs of up to 64 vCPUs on").And.Contain("running 1 at a time (--oversubscribe runs 2)"));
            Assert.That(LineOf(outcome.Output, "[1/3] slow: fork_cpu_id=PASS"), Is.LessThan(LineOf(outcome.Output, "[2/3] quick-a: ")),
                "one at a time: slow ends before quick-a starts");
        });
    }

    [Test]
    public async Task A_j_of_0_is_refused_with_one_line_and_exit_2()
    {
        var outcome = await RunAsync(Matrix(cpus: 1), "-j", "0");

        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Output + outcome.Errors);
        Assert.That(outcome.Errors, Does.Contain("-j takes a count from 1 to 64"));
        Assert.That(Directory.Exists(Scratch.Results) ? Directory.GetFileSystemEntries(Scratch.Results) : [], Is.Empty, "nothing booted, nothing written");
    }
}
