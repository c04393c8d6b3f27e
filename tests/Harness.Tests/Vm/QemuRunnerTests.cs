using Harness.Vm;
using Protocol;

namespace Harness.Tests.Vm;

/// <remarks>
/// Most of these tests wait for a timeout or a grace to pass, with next to nothing to do meanwhile:
/// each has an instance (and a folder) of its own, so they wait side by side.
/// </remarks>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public class QemuRunnerTests
{
    static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    static readonly TimeSpan Short = TimeSpan.FromSeconds(1.5);
    string _directory = "";

    [SetUp]
    public void CreateDirectory() =>
        _directory = Directory.CreateTempSubdirectory("qemu-runner-test-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    Task<VmRun> RunAsync(string mode, TimeSpan boot, TimeSpan test, CancellationToken ct = default, TimeSpan? exitGrace = null) =>
        new QemuRunner(FakeQemu.Path, exitGrace).RunAsync(FakeQemu.Request(mode, _directory, boot, test), ct);

    [Test]
    public async Task A_guest_that_finishes_its_stream_gives_Completed_with_every_result_line()
    {
        var run = await RunAsync("pass", Long, Long);

        Assert.That(run.End, Is.EqualTo(VmEnd.Completed));
        Assert.That(run.ResultLines, Has.Count.EqualTo(6));
        Assert.That(run.ResultLines[0], Is.EqualTo(KtapLines.Version));
        Assert.That(run.ResultLines[^1], Is.EqualTo(KtapLines.Done(0)));
        Assert.That(run.ResultLines, Has.None.Contains("\r"));
        Assert.That(run.QemuExitCode, Is.Zero);
        Assert.That(run.ConsoleFindings, Is.Empty);
        Assert.That(run.BootTime, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(run.Elapsed));
    }

    [Test]
    public async Task The_raw_result_stream_and_the_whole_console_are_kept_in_their_files()
    {
        var request = FakeQemu.Request("pass", _directory, Long, Long);

        await new QemuRunner(FakeQemu.Path).RunAsync(request, CancellationToken.None);

        Assert.That(await File.ReadAllTextAsync(request.ResultsLogPath), Does.StartWith(KtapLines.Version + "\r\n"));
        Assert.That(await File.ReadAllLinesAsync(request.ConsoleLogPath), Has.Length.EqualTo(8));
    }

    [Test]
    public async Task A_guest_that_never_starts_its_stream_gives_BootTimeout_and_leaves_no_qemu()
    {
        var run = await RunAsync("hang", Short, Long);

        Assert.That(run.End, Is.EqualTo(VmEnd.BootTimeout));
        Assert.That(run.Elapsed, Is.GreaterThanOrEqualTo(Short));
        Assert.That(run.ResultLines, Is.Empty);
        Assert.That(run.QemuExitCode, Is.EqualTo(143), "stopped with SIGTERM, which QEMU (and the fake) obeys");
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_directory), Is.Empty);
    }

    [Test]
    public async Task A_stream_without_its_done_line_gives_TestTimeout_and_keeps_the_lines_so_far()
    {
        var run = await RunAsync("no-done", Long, Short);

        Assert.That(run.End, Is.EqualTo(VmEnd.TestTimeout));
        Assert.That(run.ResultLines, Is.EqualTo(new[] { KtapLines.Version, KtapLines.Info(InfoKeys.KernelRelease, "6.1.0-50-amd64"), KtapLines.Plan(1) }));
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_directory), Is.Empty);
    }

    [Test]
    public async Task A_qemu_that_fails_gives_EndedEarly_with_its_error_message()
    {
        var run = await RunAsync("crash", Long, Long);

        Assert.That(run.End, Is.EqualTo(VmEnd.EndedEarly));
        Assert.That(run.QemuExitCode, Is.EqualTo(1));
        Assert.That(run.QemuErrors, Is.EqualTo("qemu-system-x86_64: fake crash: cannot allocate guest memory"));
    }

    [Test]
    public async Task Noise_before_the_stream_and_lines_after_its_end_are_never_taken_for_results()
    {
        var run = await RunAsync("garbage", Long, Long);

        Assert.That(run.End, Is.EqualTo(VmEnd.Completed));
        Assert.That(run.ResultLines[0], Is.EqualTo(KtapLines.Version));
        Assert.That(run.ResultLines, Has.None.Contains("forged").And.None.Contains("after_the_end"));
        Assert.That(run.ResultLines[^1], Is.EqualTo(KtapLines.Done(0)));
    }

    [Test]
    public async Task A_guest_panic_gives_EndedEarly_with_the_panic_found_in_the_console()
    {
        var run = await RunAsync("panic", Long, Long);

        Assert.That(run.End, Is.EqualTo(VmEnd.EndedEarly));
        Assert.That(run.ConsoleFindings.Select(finding => finding.Kind),
            Is.EqualTo(new[] { ConsoleFindingKind.Bug, ConsoleFindingKind.Oops, ConsoleFindingKind.Panic }));
    }

    [Test]
    public async Task A_qemu_that_stays_after_the_done_line_is_killed_after_the_grace_and_the_run_is_Completed()
    {
        var run = await RunAsync("linger", Long, Long, exitGrace: TimeSpan.FromSeconds(0.5));

        Assert.That(run.End, Is.EqualTo(VmEnd.Completed));
        Assert.That(run.QemuExitCode, Is.EqualTo(143), "stopped with SIGTERM after the grace");
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_directory), Is.Empty);
    }

    [Test]
    public async Task Cancelling_a_run_kills_qemu_even_when_it_ignores_SIGINT_and_SIGTERM()
    {
        using var cancellation = new CancellationTokenSource(Short);

        Assert.That(async () => await RunAsync("ignore-sigint", Long, Long, cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_directory), Is.Empty);
    }

    [Test]
    public async Task A_missing_qemu_gives_QemuNotStarted_with_the_reason()
    {
        var missing = Path.Combine(_directory, "qemu-system-x86_64");

        var run = await new QemuRunner(missing).RunAsync(FakeQemu.Request("pass", _directory, Long, Long), CancellationToken.None);

        Assert.That(run.End, Is.EqualTo(VmEnd.QemuNotStarted));
        Assert.That(run.QemuErrors, Does.Contain(missing));
        Assert.That(run.QemuExitCode, Is.Null);
    }

    [Test]
    public async Task A_qemu_that_ignores_SIGTERM_at_the_test_timeout_is_killed_after_the_grace()
    {
        var run = await RunAsync("ignore-sigint", Long, Short, exitGrace: TimeSpan.FromSeconds(0.5));

        Assert.That(run.End, Is.EqualTo(VmEnd.TestTimeout));
        Assert.That(run.QemuExitCode, Is.Null, "SIGKILL: no exit status of its own");
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_directory), Is.Empty);
    }

    [Test]
    public async Task A_console_that_falls_silent_before_the_guest_starts_ends_the_boot_with_its_last_line()
    {
        var request = FakeQemu.Request("hang", _directory, Long, Long) with { SilenceTimeout = TimeSpan.FromSeconds(1) };

        var run = await new QemuRunner(FakeQemu.Path).RunAsync(request, CancellationToken.None);

        Assert.That(run.End, Is.EqualTo(VmEnd.ConsoleSilent));
        Assert.That(run.StopDetail, Is.EqualTo("Run /init as init process"));
        Assert.That(run.SilenceLimit, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(run.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "long before the 60 s boot timeout");
        Assert.That(await FakeQemu.ProcessesMentioningAsync(_directory), Is.Empty);
    }

    [Test]
    public async Task A_silent_console_after_the_guest_started_is_left_to_the_test_timeout()
    {
        // Selftests run for a minute and more without a line: only the boot is watched for silence.
        // The test timeout is twice the silence limit: a watch still running after the start would end the boot first.
        var request = FakeQemu.Request("no-done", _directory, Long, TimeSpan.FromSeconds(2)) with { SilenceTimeout = TimeSpan.FromSeconds(1) };

        var run = await new QemuRunner(FakeQemu.Path).RunAsync(request, CancellationToken.None);

        Assert.That(run.End, Is.EqualTo(VmEnd.TestTimeout));
    }

    [Test]
    public async Task A_KVM_internal_error_from_qemu_ends_the_boot_at_once_with_qemu_s_line()
    {
        var request = FakeQemu.Request("pass", _directory, Long, Long);
        // The host's KVM for this boot alone, on the fake's command line: the tests run side by side.
        request = request with { Accel = Accel.Kvm, GuestArguments = [.. request.GuestArguments, "fakeqemu.kvm=internal-error"] };

        var run = await new QemuRunner(FakeQemu.Path).RunAsync(request, CancellationToken.None);

        Assert.That(run.End, Is.EqualTo(VmEnd.KvmInternalError));
        Assert.That(run.StopDetail, Is.EqualTo("KVM internal error. Suberror: 1"));
        Assert.That(run.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }
}
