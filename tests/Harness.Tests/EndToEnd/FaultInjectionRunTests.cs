using Harness.Records;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// Each way the guest or QEMU can go wrong, played by the fake QEMU through the whole run command:
/// the right outcome with its reason, an earlier run's folder left byte for byte as it was, and no
/// QEMU left behind.
/// </summary>
/// <remarks>
/// One run plays every fault, a kernel each (the fake takes its mode from the kernel's command line),
/// after one passing run in the same results folder: two harness processes instead of ten, and each
/// kernel is judged on its own, as in a run of one.
/// </remarks>
public class FaultInjectionRunTests
{
    static readonly string[] Faults =
        ["crash", "segfault", "guest-usage-error", "truncated", "duplicate", "plan-mismatch", "garbled", "unrequested", "bad-option"];

    ScratchFolder _scratch = null!;
    string _passingRun = "";
    IReadOnlyDictionary<string, string> _passingRunFiles = new Dictionary<string, string>();
    HarnessProcess.Outcome _faulty = null!;
    string _faultyRun = "";
    IReadOnlyDictionary<string, KernelResult> _kernels = new Dictionary<string, KernelResult>();

    [OneTimeSetUp]
    public async Task RunOnceWithAPassingGuestAndThenWithEveryFault()
    {
        _scratch = new ScratchFolder();
        _scratch.FakeBzImage();
        var passing = await RunAsync(_scratch.Write("passing.yaml", Matrix("pass")));
        Assert.That(passing.ExitCode, Is.EqualTo(0), passing.Output + passing.Errors);
        _passingRun = LatestFolder();
        _passingRunFiles = FolderSnapshot.Of(_passingRun);

        _faulty = await RunAsync(_scratch.Write("faults.yaml", Matrix(Faults)));
        _faultyRun = LatestFolder();
        _kernels = RunRecordJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(_faultyRun, "run.json"))).Kernels.ToDictionary(k => k.Name);
    }

    [OneTimeTearDown]
    public void RemoveScratch() => _scratch.Dispose();

    static string FakeQemu => Path.Combine(TestContext.CurrentContext.TestDirectory, "FakeQemu");

    /// <summary>A kernel per mode, named after it, that asks the fake for that mode on its command line.</summary>
    static string Matrix(params string[] modes) =>
        """
        defaults:
          accel: tcg
          boot_timeout: 10
          test_timeout: 10
          guest:
            scenarios: [fork_cpu_id, affinity_pin, migration_storm]
        kernels:

        """
        + string.Concat(modes.Select(mode => $"  - name: {mode}\n    source: {{ path: bzImage }}\n    kernel_args: fakeqemu.mode={mode}\n"));

    // The mode comes from each kernel's command line, so none may be forced for the whole run.
    Task<HarnessProcess.Outcome> RunAsync(string matrix) => HarnessProcess.RunAsync(
        ["run", "--matrix", matrix, "--results", _scratch.Results, "--qemu", FakeQemu],
        new Dictionary<string, string?> { ["FAKEQEMU_MODE"] = null },
        TimeSpan.FromMinutes(2));

    string LatestFolder() => Directory.ResolveLinkTarget(Path.Combine(_scratch.Results, "latest"), returnFinalTarget: true)!.FullName;

    [Test]
    public async Task A_faulty_run_gets_a_folder_of_its_own_exits_1_leaves_the_earlier_run_as_it_was_and_no_qemu_behind()
    {
        Assert.That(_faulty.ExitCode, Is.EqualTo(1), _faulty.Output + _faulty.Errors);
        Assert.That(_kernels.Keys, Is.EquivalentTo(Faults));
        Assert.That(_faultyRun, Is.Not.EqualTo(_passingRun), "the run has a folder of its own, and latest moved to it");
        Assert.That(FolderSnapshot.Of(_passingRun), Is.EqualTo(_passingRunFiles), "the earlier run's folder is untouched");
        Assert.That(await Vm.FakeQemu.ProcessesMentioningAsync(_scratch.Path), Is.Empty, "no QEMU is left behind");
    }

    static IEnumerable<(string, ScenarioVerdict, string?)> Cells(KernelResult kernel) =>
        kernel.Scenarios.Select(s => (s.Scenario, s.Outcome, s.Reason));

    [Test]
    public void A_qemu_that_crashes_is_an_error_row_with_its_reason()
    {
        var kernel = _kernels["crash"];

        Assert.That(kernel.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(ScenarioVerdict.Error));
        Assert.That(kernel.Scenarios.Select(s => s.Reason), Has.All.Contain("ended before"));
    }

    [Test]
    public void A_guest_that_segfaults_is_an_error_naming_the_signal_and_its_earlier_fail_is_kept()
    {
        var kernel = _kernels["segfault"];

        Assert.That(Cells(kernel), Is.EqualTo(new[]
        {
            (ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, (string?)"stale cpu_id in 20 of 800 forked children"),
            (ScenarioNames.AffinityPin, ScenarioVerdict.Error, "guest crashed: signal 11 (SIGSEGV) after 2 of 3 scenarios"),
            (ScenarioNames.MigrationStorm, ScenarioVerdict.Error, "guest crashed: signal 11 (SIGSEGV) after 2 of 3 scenarios"),
        }));
        Assert.That(kernel.BootAttempts, Is.EqualTo(1), "a guest that crashed is not booted again");
    }

    [Test]
    public void A_guest_that_refuses_its_command_line_is_an_error_naming_its_exit_status()
    {
        var kernel = _kernels["guest-usage-error"];

        Assert.That(kernel.Scenarios.Select(s => (s.Outcome, s.Reason)),
            Has.All.EqualTo((ScenarioVerdict.Error, "the guest exited with status 2 before its result stream began")));
        Assert.That(kernel.BootAttempts, Is.EqualTo(1));
    }

    [Test]
    public void A_stream_cut_short_is_incomplete_results_and_the_fail_before_the_cut_is_kept()
    {
        var kernel = _kernels["truncated"];

        Assert.That(Cells(kernel), Is.EqualTo(new[]
        {
            (ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, (string?)"stale cpu_id in 20 of 800 forked children"),
            (ScenarioNames.AffinityPin, ScenarioVerdict.Error, "incomplete results: the stream stopped after 2 of 3 scenarios"),
            (ScenarioNames.MigrationStorm, ScenarioVerdict.Error, "incomplete results: the stream stopped after 2 of 3 scenarios"),
        }));
    }

    [Test]
    public void A_scenario_reported_pass_and_then_fail_is_a_fail_and_the_rest_of_the_stream_is_not_trusted()
    {
        var kernel = _kernels["duplicate"];

        Assert.That(Cells(kernel), Is.EqualTo(new[]
        {
            (ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, (string?)"stale cpu_id in 20 of 800 forked children"),
            (ScenarioNames.AffinityPin, ScenarioVerdict.Error, "incomplete results: scenario 'fork_cpu_id' reported twice"),
            (ScenarioNames.MigrationStorm, ScenarioVerdict.Error, "incomplete results: scenario 'fork_cpu_id' reported twice"),
        }));
        Assert.That(kernel.Scenarios[0].Evidence, Is.EqualTo(new[] { "child cpu_id=2 getcpu=0 parent_cpu=2" }));
    }

    [Test]
    public void A_plan_that_disagrees_with_the_results_makes_every_pass_an_error()
    {
        var kernel = _kernels["plan-mismatch"];

        Assert.That(kernel.Scenarios.Select(s => (s.Outcome, s.Reason)),
            Has.All.EqualTo((ScenarioVerdict.Error, "incomplete results: the plan announced 4 scenarios, the stream reported 3")));
    }

    [Test]
    public void Garbage_bytes_inside_the_stream_make_every_pass_an_error_that_quotes_them_harmlessly()
    {
        var kernel = _kernels["garbled"];

        Assert.That(kernel.Scenarios.Select(s => s.Outcome), Has.All.EqualTo(ScenarioVerdict.Error));
        Assert.That(kernel.Scenarios.Select(s => s.Reason), Has.All.EqualTo(@"incomplete results: a garbled line '��\x1b[2J'"));
        Assert.That(_faulty.Output, Does.Not.Contain("\u001b"), "no control byte from the guest reaches the terminal");
    }

    [Test]
    public void A_result_for_a_scenario_that_was_not_requested_makes_every_pass_an_error()
    {
        var kernel = _kernels["unrequested"];

        Assert.That(kernel.Scenarios.Select(s => (s.Outcome, s.Reason)),
            Has.All.EqualTo((ScenarioVerdict.Error, "incomplete results: a result for 'mystery_scenario', which was not requested")));
    }

    [Test]
    public void A_qemu_that_refuses_an_option_is_an_error_with_qemus_message_and_is_not_booted_again()
    {
        var kernel = _kernels["bad-option"];

        Assert.That(kernel.Scenarios.Select(s => (s.Outcome, s.Reason)),
            Has.All.EqualTo((ScenarioVerdict.Error, "QEMU stopped before the kernel ran: qemu-system-x86_64: -foo: invalid option")));
        Assert.That(kernel.BootAttempts, Is.EqualTo(1));
        Assert.That(kernel.QemuExitCode, Is.EqualTo(1));
    }
}
