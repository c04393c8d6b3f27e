using Harness.Records;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// The whole run command against the fake QEMU, on a cache of its own seeded with the real guest
/// image: the fake plays a guest's stream, and the table, run.json, the progress lines and the exit
/// status are checked. A QEMU that crashes, and a second run beside an earlier one, are in
/// <see cref="FaultInjectionRunTests"/>; Ctrl-C and SIGTERM in <see cref="InterruptedMatrixRunTests"/>.
/// </summary>
public class FakeQemuRunTests
{
    const char Escape = '\u001b';

    // One passing run for the fixture (its tests run one after another), read by the tests of its
    // table, its run.json and its progress lines.
    ScratchFolder _scratch = null!;
    string _cache = "";
    HarnessProcess.Outcome _passing = null!;
    string _passingResults = "";

    [OneTimeSetUp]
    public async Task RunAPassingKernel()
    {
        _scratch = new ScratchFolder();
        _scratch.FakeBzImage();
        // A cache of the fixture's own, seeded with the guest image: the runs write nothing into the user's cache.
        _cache = await SeededCache.CreateAsync(_scratch.File("cache"));
        _passingResults = _scratch.File("passing");
        _passing = await RunAsync(Matrix("passing.yaml", expect: "pass"), _passingResults);
    }

    [OneTimeTearDown]
    public void RemoveScratch() => _scratch.Dispose();

    string Matrix(string name, string expect) => _scratch.Write(name, $"""
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

    // CI unset and TERM set as on a terminal: only the redirection of its output can make the run's progress plain.
    Task<HarnessProcess.Outcome> RunAsync(string matrix, string results) => HarnessProcess.RunAsync(
        ["run", "--matrix", matrix, "--results", results, "--qemu", Vm.FakeQemu.Path, "--cache", _cache],
        new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = "pass", ["CI"] = null, ["TERM"] = "xterm-256color" });

    static RunRecord LatestRun(string results) => RunRecordJson.Deserialize(File.ReadAllText(Path.Combine(results, "latest", "run.json")));

    [Test]
    public void A_kernel_that_passes_gets_a_row_with_its_version_and_the_run_exits_0()
    {
        Assert.That(_passing.ExitCode, Is.EqualTo(0), _passing.Output + _passing.Errors);
        Assert.That(_passing.Output, Does.Match(@"fake-6\.1\s+6\.1\.0-50-amd64\s+pass\s+PASS\s+yes"));
        var run = LatestRun(_passingResults);
        Assert.Multiple(() =>
        {
            Assert.That(run.SchemaVersion, Is.EqualTo(RunRecord.CurrentSchemaVersion));
            Assert.That(run.Vm.Accel, Is.EqualTo(Accel.Tcg));
            Assert.That(run.Vm.QemuVersion, Does.Contain("fake"));
            Assert.That(run.Kernels.Single().KernelRelease, Is.EqualTo("6.1.0-50-amd64"));
            Assert.That(run.Kernels.Single().Scenarios.Single().Outcome, Is.EqualTo(ScenarioVerdict.Pass));
            Assert.That(run.Kernels.Single().Scenarios.Single().Counters[CounterNames.Forks], Is.EqualTo(800));
            Assert.That(File.Exists(Path.Combine(_passingResults, "latest", "summary.md")), Is.True);
            Assert.That(File.Exists(Path.Combine(_passingResults, "latest", "fake-6.1.console.log")), Is.True);
        });
    }

    [Test]
    public void A_redirected_run_writes_its_plain_lines_and_no_escape_code()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_passing.Output, Does.Not.Contain(Escape.ToString()));
            Assert.That(_passing.Output, Does.Match(@"(^|\n)\[1/1\] fake-6\.1: path \S*bzImage\r?\n"));
            Assert.That(_passing.Output, Does.Match(@"\n\[1/1\] fake-6\.1: fork_cpu_id=PASS \(6\.1\.0-50-amd64\)\r?\n"));
        });
    }

    [Test]
    public async Task A_control_expected_to_fail_that_passes_makes_the_run_exit_1_and_the_table_say_so()
    {
        var outcome = await RunAsync(Matrix("control.yaml", expect: "fail"), _scratch.File("control"));

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(outcome.Output, Does.Match(@"fake-6\.1\s+6\.1\.0-50-amd64\s+fail\s+PASS\s+NO"));
    }
}
