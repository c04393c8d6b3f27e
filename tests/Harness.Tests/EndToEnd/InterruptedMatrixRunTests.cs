using System.Diagnostics;
using System.Globalization;
using CliWrap;
using Harness.Records;
using Harness.Running;
using Protocol;

namespace Harness.Tests.EndToEnd;

/// <summary>
/// SIGINT or SIGTERM while the second kernel of four runs (its fake QEMU ignores both, as a stuck
/// QEMU may): every VM stopped within seconds, the finished kernel's cells kept, the running one
/// "interrupted", the two never started listed as cancelled, the signal's exit status, and an
/// earlier run's folder untouched.
/// </summary>
public class InterruptedMatrixRunTests
{
    static readonly string[] Scenarios = [ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin];

    // One matrix and one earlier run for the fixture (its tests run one after another): each signal's
    // run goes beside the earlier one and must leave its folder as it was.
    ScratchFolder _scratch = null!;
    string _matrix = "";
    string _earlierFolder = "";
    IReadOnlyDictionary<string, string> _earlierFiles = new Dictionary<string, string>();
    int? _harness;

    [OneTimeSetUp]
    public async Task RunTheFirstKernelOnce()
    {
        _scratch = new ScratchFolder();
        _matrix = Matrix();
        var earlier = await HarnessProcess.RunAsync(Arguments(_matrix, "--kernel", "first"), NoForcedMode, TimeSpan.FromMinutes(2));
        Assert.That(earlier.ExitCode, Is.EqualTo(0), earlier.Output + earlier.Errors);
        _earlierFolder = LatestFolder();
        _earlierFiles = FolderSnapshot.Of(_earlierFolder);
    }

    [TearDown]
    public void StopTheHarness()
    {
        // Only when an assertion failed before the harness ended: never leave it (or its QEMU) running.
        if (_harness is { } id && Process.GetProcesses().FirstOrDefault(p => p.Id == id) is { HasExited: false } harness)
            harness.Kill(entireProcessTree: true);
        _harness = null;
    }

    [OneTimeTearDown]
    public void RemoveScratch() => _scratch.Dispose();

    static string FakeQemu => Path.Combine(TestContext.CurrentContext.TestDirectory, "FakeQemu");

    static readonly Dictionary<string, string?> NoForcedMode = new() { ["FAKEQEMU_MODE"] = null };

    string Matrix()
    {
        _scratch.FakeBzImage();
        // The fake reads its mode from the kernel image when nothing else names one.
        File.AppendAllText(_scratch.FakeBzImage("bzImage-stuck"), "fakeqemu.mode=ignore-sigint\0");
        return _scratch.Write("kernels.yaml", """
            defaults:
              accel: tcg
              # Long limits: on a loaded host the test may take many seconds to see the stuck
              # kernel's QEMU, and a limit that ended its boot first would move the run on.
              boot_timeout: 600
              silence_timeout: 600
              test_timeout: 120
              guest:
                scenarios: [fork_cpu_id, affinity_pin]
            kernels:
              - name: first
                source: { path: bzImage }
              - name: stuck
                source: { path: bzImage-stuck }
              - name: never-1
                source: { path: bzImage }
              - name: never-2
                source: { path: bzImage }
            """);
    }

    IReadOnlyList<string> Arguments(string matrix, params string[] more) =>
        ["run", "--matrix", matrix, "--results", _scratch.Results, "--qemu", FakeQemu, .. more];

    string LatestFolder() => Directory.ResolveLinkTarget(Path.Combine(_scratch.Results, "latest"), returnFinalTarget: true)!.FullName;

    async Task InterruptingTheSecondKernelAsync(string signal, int expectedStatus)
    {
        var (processId, exit) = HarnessProcess.Start(Arguments(_matrix), NoForcedMode);
        _harness = processId;
        var stuckQemu = $"FakeQemu -M .*{_scratch.Path}/results/.*/stuck\\.console\\.log";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (string.IsNullOrEmpty(await Vm.FakeQemu.ProcessesMentioningAsync(stuckQemu)) && DateTime.UtcNow < deadline && !exit.IsCompleted)
            await Task.Delay(100);
        Assert.That(await Vm.FakeQemu.ProcessesMentioningAsync(stuckQemu), Is.Not.Empty, "the second kernel's QEMU is running");

        var stopping = Stopwatch.StartNew();
        await Cli.Wrap("kill").WithArguments(["-" + signal, processId.ToString(CultureInfo.InvariantCulture)]).ExecuteAsync();
        var status = await exit.WaitAsync(TimeSpan.FromSeconds(30));
        var stopped = stopping.Elapsed;

        var run = RunRecordJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(LatestFolder(), "run.json")));
        var kernels = run.Kernels.ToDictionary(k => k.Name);
        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(expectedStatus));
            Assert.That(stopped, Is.LessThan(TimeSpan.FromSeconds(10)), "stopped within seconds");
            Assert.That(await Vm.FakeQemu.ProcessesMentioningAsync($"FakeQemu .*{_scratch.Path}"), Is.Empty, "no QEMU is left behind");
            Assert.That(run.Kernels.Select(k => k.Name), Is.EqualTo(new[] { "first", "stuck", "never-1", "never-2" }));
            Assert.That(kernels["first"].Error, Is.Null);
            Assert.That(kernels["first"].Scenarios.Select(s => (s.Scenario, s.Outcome)),
                Is.EqualTo(Scenarios.Select(s => (s, ScenarioVerdict.Pass))), "the finished kernel keeps its cells");
            Assert.That(kernels["stuck"].Error, Is.EqualTo(MatrixRunner.Interrupted));
            Assert.That(kernels["stuck"].Scenarios.Select(s => (s.Scenario, s.Outcome, s.Reason)),
                Is.EqualTo(Scenarios.Select(s => (s, ScenarioVerdict.Error, (string?)"interrupted"))));
            foreach (var never in new[] { "never-1", "never-2" })
            {
                Assert.That(kernels[never].Error, Is.EqualTo("cancelled: the run was interrupted before this kernel"));
                Assert.That(kernels[never].Scenarios.Select(s => (s.Scenario, s.Outcome, s.Reason)),
                    Is.EqualTo(Scenarios.Select(s => (s, ScenarioVerdict.Error, (string?)"cancelled: the run was interrupted before this kernel"))));
                Assert.That(kernels[never].BootAttempts, Is.Zero);
            }
            Assert.That(File.Exists(Path.Combine(LatestFolder(), "summary.md")), Is.True);
            Assert.That(LatestFolder(), Is.Not.EqualTo(_earlierFolder));
            Assert.That(FolderSnapshot.Of(_earlierFolder), Is.EqualTo(_earlierFiles), "the earlier run's folder is untouched");
        });
    }

    /// <summary>
    /// At -j 2 two kernels hang at once (first ends, then stuck and stuck-2 both run): Ctrl-C stops
    /// both QEMUs, both rows say "interrupted", the kernel never reached says cancelled, in the matrix's order.
    /// </summary>
    [Test]
    public async Task Ctrl_c_at_j_2_stops_both_running_vms_keeps_what_finished_and_lists_the_rest_in_matrix_order()
    {
        // Files of its own: the fixture's matrix and kernels serve the other tests after this one.
        _scratch.FakeBzImage("bzImage-j2");
        File.AppendAllText(_scratch.FakeBzImage("bzImage-j2-stuck"), "fakeqemu.mode=ignore-sigint\0");
        var matrix = _scratch.Write("kernels-j2.yaml", """
            defaults:
              accel: tcg
              cpus: 1     # two 1-vCPU VMs fit on any host of 2 cores or more without --oversubscribe
              boot_timeout: 600
              silence_timeout: 600
              test_timeout: 120
              guest:
                scenarios: [fork_cpu_id, affinity_pin]
            kernels:
              - name: first
                source: { path: bzImage-j2 }
              - name: stuck
                source: { path: bzImage-j2-stuck }
              - name: stuck-2
                source: { path: bzImage-j2-stuck }
              - name: never
                source: { path: bzImage-j2 }
            """);

        var (processId, exit) = HarnessProcess.Start(Arguments(matrix, "-j", "2", "--oversubscribe"), NoForcedMode);
        _harness = processId;
        var stuckQemus = $"FakeQemu -M .*{_scratch.Path}/results/.*/stuck(-2)?\\.console\\.log";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Lines(await Vm.FakeQemu.ProcessesMentioningAsync(stuckQemus)) < 2 && DateTime.UtcNow < deadline && !exit.IsCompleted)
            await Task.Delay(100);
        Assert.That(Lines(await Vm.FakeQemu.ProcessesMentioningAsync(stuckQemus)), Is.EqualTo(2), "both stuck kernels' QEMUs run at once");

        await Cli.Wrap("kill").WithArguments(["-INT", processId.ToString(CultureInfo.InvariantCulture)]).ExecuteAsync();
        var status = await exit.WaitAsync(TimeSpan.FromSeconds(30));

        var run = RunRecordJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(LatestFolder(), "run.json")));
        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(130));
            Assert.That(await Vm.FakeQemu.ProcessesMentioningAsync($"FakeQemu .*{_scratch.Path}"), Is.Empty, "no QEMU is left behind");
            Assert.That(run.Kernels.Select(k => (k.Name, k.Error)), Is.EqualTo(new (string, string?)[]
            {
                ("first", null), ("stuck", MatrixRunner.Interrupted), ("stuck-2", MatrixRunner.Interrupted), ("never", MatrixRunner.NotStarted),
            }));
            Assert.That(run.Kernels[0].Scenarios.Select(s => s.Outcome), Is.All.EqualTo(ScenarioVerdict.Pass), "the finished kernel keeps its cells");
        });
    }

    static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    [Test]
    public Task Ctrl_c_in_the_middle_of_a_matrix_stops_every_vm_keeps_what_finished_lists_the_rest_and_exits_130() =>
        InterruptingTheSecondKernelAsync("INT", 130);

    [Test]
    public Task Sigterm_in_the_middle_of_a_matrix_stops_every_vm_keeps_what_finished_lists_the_rest_and_exits_143() =>
        InterruptingTheSecondKernelAsync("TERM", 143);
}
