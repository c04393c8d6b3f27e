using Harness.Records;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// Each way the guest or QEMU can go wrong, played by the fake QEMU through the whole run command:
/// the right outcome with its reason, an earlier run's folder left byte for byte as it was, and no
/// QEMU left behind.
/// </summary>
public class FaultInjectionRunTests
{
    // One passing run for the whole fixture (tests of a fixture run one after another): every fault
    // then runs beside it in the same results folder and must leave its folder as it was.
    ScratchFolder _scratch = null!;
    string _matrix = "";
    string _passingRun = "";
    IReadOnlyDictionary<string, string> _passingRunFiles = new Dictionary<string, string>();

    [OneTimeSetUp]
    public async Task RunOnceWithAPassingGuest()
    {
        _scratch = new ScratchFolder();
        _matrix = Matrix();
        var first = await RunAsync("pass");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Errors);
        _passingRun = LatestFolder();
        _passingRunFiles = FolderSnapshot.Of(_passingRun);
    }

    [OneTimeTearDown]
    public void RemoveScratch() => _scratch.Dispose();

    static string FakeQemu => Path.Combine(TestContext.CurrentContext.TestDirectory, "FakeQemu");

    string Matrix()
    {
        _scratch.FakeBzImage();
        return _scratch.Write("kernels.yaml", """
            defaults:
              accel: tcg
              boot_timeout: 10
              test_timeout: 10
              guest:
                scenarios: [fork_cpu_id, affinity_pin, migration_storm]
            kernels:
              - name: fake-6.1
                source: { path: bzImage }
            """);
    }

    Task<HarnessProcess.Outcome> RunAsync(string mode) => HarnessProcess.RunAsync(
        ["run", "--matrix", _matrix, "--results", _scratch.Results, "--qemu", FakeQemu],
        new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = mode },
        TimeSpan.FromMinutes(2));

    string LatestFolder() => Directory.ResolveLinkTarget(Path.Combine(_scratch.Results, "latest"), returnFinalTarget: true)!.FullName;

    /// <summary>A run in <paramref name="mode"/>; checks what every fault must leave as it was.</summary>
    async Task<(HarnessProcess.Outcome Outcome, KernelResult Kernel)> RunAfterAPassingRunAsync(string mode)
    {
        var outcome = await RunAsync(mode);

        Assert.That(LatestFolder(), Is.Not.EqualTo(_passingRun), "the run has a folder of its own");
        Assert.That(FolderSnapshot.Of(_passingRun), Is.EqualTo(_passingRunFiles), "the earlier run's folder is untouched");
        Assert.That(await Vm.FakeQemu.ProcessesMentioningAsync(_scratch.Path), Is.Empty, "no QEMU is left behind");
        var kernel = RunRecordJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(LatestFolder(), "run.json"))).Kernels.Single();
        return (outcome, kernel);
    }

    static IEnumerable<(string, ScenarioVerdict, string?)> Cells(KernelResult kernel) =>
        kernel.Scenarios.Select(s => (s.Scenario, s.Outcome, s.Reason));

    [Test]
    public async Task A_guest_that_segfaults_is_an_error_naming_the_signal_and_its_earlier_fail_is_kept()
    {
        var (outcome, kernel) = await RunAfterAPassingRunAsync("segfault");

        Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.Output + outcome.Errors);
        Assert.That(Cells(kernel), Is.EqualTo(new[]
        {
            (ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, (string?)"stale cpu_id in 20 of 800 forked children"),
            (ScenarioNames.AffinityPin, ScenarioVerdict.Error, "guest crashed: signal 11 (SIGSEGV) after 2 of 3 scenarios"),
            (ScenarioNames.MigrationStorm, ScenarioVerdict.Error, "guest crashed: signal 11 (SIGSEGV) after 2 of 3 scenarios"),
        }));
        Assert.That(kernel.BootAttempts, Is.EqualTo(1), "a guest that crashed is not booted again");
    }

    [Test]
    public async Task A_guest_that_refuses_its_command_line_is_an_error_naming_its_exit_status()
    {
        var (_, kernel) = await RunAfterAPassingRunAsync("guest-usage-error");

        Assert.That(kernel.Scenarios.Select(s => (s.Outcome, s.Reason)),
            Has.All.EqualTo((ScenarioVerdict.Error, "the guest exited with status 2 before its result stream began")));
        Assert.That(kernel.BootAttempts, Is.EqualTo(1));
    }

    [Test]
    public async Task A_stream_cut_short_is_incomplete_results_and_the_fail_before_the_cut_is_kept()
    {
        var (outcome, kernel) = await RunAfterAPassingRunAsync("truncated");

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(Cells(kernel), Is.EqualTo(new[]
        {
            (ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, (string?)"stale cpu_id in 20 of 800 forked children"),
            (ScenarioNames.AffinityPin, ScenarioVerdict.Error, "incomplete results: the stream stopped after 2 of 3 scenarios"),
            (ScenarioNames.MigrationStorm, ScenarioVerdict.Error, "incomplete results: the stream stopped after 2 of 3 scenarios"),
        }));
    }

    [Test]
    public async Task A_scenario_reported_pass_and_then_fail_is_a_fail_and_the_rest_of_the_stream_is_not_trusted()
    {
        var (_, kernel) = await RunAfterAPassingRunAsync("duplicate");

        Assert.That(Cells(kernel), Is.EqualTo(new[]
        {
            (ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, (string?)"stale cpu_id in 20 of 800 forked children"),
            (ScenarioNames.AffinityPin, ScenarioVerdict.Error, "incomplete results: scenario 'fork_cpu_id' reported twice"),
            (ScenarioNames.MigrationStorm, ScenarioVerdict.Error, "incomplete results: scenario 'fork_cpu_id' reported twice"),
        }));
        Assert.That(kernel.Scenarios[0].Evidence, Is.EqualTo(new[] { "child cpu_id=2 getcpu=0 parent_cpu=2" }));
    }

    [Test]
    public async Task A_plan_that_disagrees_with_the_results_makes_every_pass_an_error()
    {
        var (_, kernel) = await RunAfterAPassingRunAsync("plan-mismatch");

        Assert.That(kernel.Scenarios.Select(s => (s.Outcome, s.Reason)),
            Has.All.EqualTo((ScenarioVerdict.Error, "incomplete results: the plan announced 4 scenarios, the stream reported 3")));
    }

    [Test]
    public async Task Garbage_bytes_inside_the_stream_make_every_pass_an_error_that_quotes_them_harmlessly()
    {
        var (outcome, kernel) = await RunAfterAPassingRunAsync("garbled");

        Assert.That(kernel.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(ScenarioVerdict.Error));
        Assert.That(kernel.Scenarios.Select(s => s.Reason), Has.All.EqualTo(@"incomplete results: a garbled line '��\x1b[2J'"));
        Assert.That(outcome.Output, Does.Not.Contain("\u001b"), "no control byte from the guest reaches the terminal");
    }

    [Test]
    public async Task A_result_for_a_scenario_that_was_not_requested_makes_every_pass_an_error()
    {
        var (_, kernel) = await RunAfterAPassingRunAsync("unrequested");

        Assert.That(kernel.Scenarios.Select(s => (s.Outcome, s.Reason)),
            Has.All.EqualTo((ScenarioVerdict.Error, "incomplete results: a result for 'mystery_scenario', which was not requested")));
    }

    [Test]
    public async Task A_qemu_that_refuses_an_option_is_an_error_with_qemus_message_and_is_not_booted_again()
    {
        var (outcome, kernel) = await RunAfterAPassingRunAsync("bad-option");

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(kernel.Scenarios.Select(s => (s.Outcome, s.Reason)),
            Has.All.EqualTo((ScenarioVerdict.Error, "QEMU stopped before the kernel ran: qemu-system-x86_64: -foo: invalid option")));
        Assert.That(kernel.BootAttempts, Is.EqualTo(1));
        Assert.That(kernel.QemuExitCode, Is.EqualTo(1));
    }
}
