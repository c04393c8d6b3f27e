using Harness.Records;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// The whole run command against the fake QEMU, on a cache of its own seeded with the real guest
/// image: the fake plays a guest's stream, and the table, run.json and exit status are checked.
/// A QEMU that crashes, and a second run beside an earlier one, are in <see cref="FaultInjectionRunTests"/>;
/// Ctrl-C and SIGTERM in <see cref="InterruptedMatrixRunTests"/>.
/// </summary>
public class FakeQemuRunTests : ScratchTests
{
    string Matrix(string expect = "pass")
    {
        Scratch.FakeBzImage();
        return Scratch.Write("kernels.yaml", $"""
            defaults:
              accel: tcg
              boot_timeout: 20
              test_timeout: 20
              guest:
                scenarios: [fork_cpu_id]
            kernels:
              - name: fake-6.1
                source: {"{"} path: bzImage {"}"}
                expect: {expect}
            """);
    }

    async Task<HarnessProcess.Outcome> RunAsync(string matrix, string mode)
    {
        // A cache of the test's own, seeded with the guest image: the run writes nothing into the user's cache.
        var cache = Path.Combine(Scratch.Path, "cache");
        if (!Directory.Exists(cache))
            await SeededCache.CreateAsync(cache);
        return await HarnessProcess.RunAsync(
            ["run", "--matrix", matrix, "--results", Scratch.Results, "--qemu", FakeQemu, "--cache", cache],
            new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = mode });
    }

    RunRecord LatestRun() => RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(Scratch.Results, "latest", "run.json")));

    [Test]
    public async Task A_kernel_that_passes_gets_a_row_with_its_version_and_the_run_exits_0()
    {
        var outcome = await RunAsync(Matrix(), "pass");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Errors);
        Assert.That(outcome.Output, Does.Match(@"fake-6\.1\s+6\.1\.0-50-amd64\s+pass\s+PASS\s+yes"));
        var run = LatestRun();
        Assert.Multiple(() =>
        {
            Assert.That(run.SchemaVersion, Is.EqualTo(RunRecord.CurrentSchemaVersion));
            Assert.That(run.Vm.Accel, Is.EqualTo(Accel.Tcg));
            Assert.That(run.Vm.QemuVersion, Does.Contain("fake"));
            Assert.That(run.Kernels.Single().KernelRelease, Is.EqualTo("6.1.0-50-amd64"));
            Assert.That(run.Kernels.Single().Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Pass));
            Assert.That(run.Kernels.Single().Scenarios.Single().Counters[CounterNames.Forks], Is.EqualTo(800));
            Assert.That(File.Exists(Path.Combine(Scratch.Results, "latest", "summary.md")), Is.True);
            Assert.That(File.Exists(Path.Combine(Scratch.Results, "latest", "fake-6.1.console.log")), Is.True);
        });
    }

    [Test]
    public async Task A_control_expected_to_fail_that_passes_makes_the_run_exit_1_and_the_table_say_so()
    {
        var outcome = await RunAsync(Matrix(expect: "fail"), "pass");

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(outcome.Output, Does.Match(@"fake-6\.1\s+6\.1\.0-50-amd64\s+fail\s+PASS\s+NO"));
    }
}
