using Harness.Config;
using Harness.Judging;
using Harness.Records;
using Harness.Reports;
using Harness.Vm;
using Protocol;
using static Harness.Tests.Reports.TableTexts;

namespace Harness.Tests.Reports;

public class ResultTableTests
{
    static KernelResult Kernel(string name, int repeat, ScenarioVerdict verdict, Expectation? expect = null, bool met = true) => new(
        name, repeat, "debian bookworm/linux-image-amd64", "linux-image-6.1.0-50-amd64=6.1.176-1", expect ?? Expectation.Pass, "6.1.0-50-amd64",
        [new ScenarioOutcome(ScenarioNames.ForkCpuId, verdict, verdict == ScenarioVerdict.Fail ? "stale cpu_id" : null,
            new Dictionary<string, long> { [CounterNames.Forks] = 10 }, verdict == ScenarioVerdict.Fail ? ["child cpu_id=3 getcpu=2"] : [])],
        met, null, new KernelTimings(1, true, 5, 20), Harness.Vm.VmEnd.Completed, 0, [], "a.console.log", "a.ktap.log",
        new Dictionary<string, string>(), 1);

    static RunRecord Run(params KernelResult[] kernels) => new(
        RunRecord.CurrentSchemaVersion, "20261127-000000", "0.1.0", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "kernels.yaml",
        new HostInfo("host", "Debian 12", "6.18", 2), new VmEnvironment("QEMU 7.2", Accel.Tcg, "no KVM"), new GuestImageInfo("abc", true, 0),
        [ScenarioNames.ForkCpuId], kernels);

    [Test]
    public void Each_kernel_is_a_row_with_its_release_expectation_outcome_and_whether_it_was_met()
    {
        var table = ResultTable.From(Run(Kernel("bookworm", 1, ScenarioVerdict.Pass), Kernel("control", 1, ScenarioVerdict.Pass, Expectation.Fail, met: false)));

        Assert.That(table.Header, Is.EqualTo(new[] { "kernel", "uname -r", "expect", ScenarioNames.ForkCpuId, "met" }));
        Assert.That(Texts(table), Is.EqualTo(new[]
        {
            new[] { "bookworm", "6.1.0-50-amd64", "pass", "PASS", "yes" },
            new[] { "control", "6.1.0-50-amd64", "fail", "PASS", "NO" },
        }));
    }

    [Test]
    public void Repeated_boots_share_one_row_whose_cell_counts_the_failures_with_their_interval()
    {
        var boots = Enumerable.Range(1, 10)
            .Select(repeat => Kernel("bookworm", repeat, repeat is 4 or 7 or 9 ? ScenarioVerdict.Fail : ScenarioVerdict.Pass, met: repeat is not (4 or 7 or 9)))
            .ToArray();

        var table = ResultTable.From(Run(boots));

        Assert.That(Texts(table), Is.EqualTo(new[] { new[] { "bookworm", "6.1.0-50-amd64", "pass", "FAIL 3/10 failed (30%, 95% CI 11–60%)", "NO" } }));
        Assert.That(((OutcomeCell)table.Rows[0][3]).Rate, Is.EqualTo(new FailureRate(3, 0, 10)));
    }

    [Test]
    public void A_later_pass_never_hides_an_earlier_failure_and_every_boot_keeps_its_notes()
    {
        var table = ResultTable.From(Run(Kernel("bookworm", 1, ScenarioVerdict.Fail, met: false), Kernel("bookworm", 2, ScenarioVerdict.Pass)));

        Assert.That(Texts(table)[0][3], Does.StartWith("FAIL 1/2 failed"));
        Assert.That(Texts(table)[0][4], Is.EqualTo("NO"));
        Assert.That(table.Notes, Has.Some.StartsWith("bookworm fork_cpu_id: FAIL stale cpu_id"));
        Assert.That(table.Notes, Has.Some.StartsWith("bookworm #2 fork_cpu_id: PASS"));
    }

    [Test]
    public void Repeated_boots_that_all_passed_show_no_failure_and_the_upper_bound_it_leaves()
    {
        var table = ResultTable.From(Run(Enumerable.Range(1, 10).Select(repeat => Kernel("bookworm", repeat, ScenarioVerdict.Pass)).ToArray()));

        Assert.That(Texts(table)[0][3], Is.EqualTo("PASS 0/10 failed (0%, 95% CI 0–28%)"));
    }

    [Test]
    public void A_boot_that_ended_in_error_is_counted_apart_from_the_boots_with_a_verdict()
    {
        var table = ResultTable.From(Run(
            Kernel("bookworm", 1, ScenarioVerdict.Error, met: false), Kernel("bookworm", 2, ScenarioVerdict.Pass), Kernel("bookworm", 3, ScenarioVerdict.Fail, met: false)));

        Assert.That(Texts(table)[0][3], Is.EqualTo("FAIL 1/2 failed (50%, 95% CI 9–91%), 1 ERROR"));
    }

    [Test]
    public void A_single_boot_shows_its_outcome_alone()
    {
        var table = ResultTable.From(Run(Kernel("bookworm", 1, ScenarioVerdict.Fail, met: false)));

        Assert.That(Texts(table)[0][3], Is.EqualTo("FAIL"));
        Assert.That(((OutcomeCell)table.Rows[0][3]).Rate, Is.Null);
    }

    [Test]
    public void A_failure_brings_its_reason_and_evidence_into_the_notes()
    {
        var table = ResultTable.From(Run(Kernel("control", 1, ScenarioVerdict.Fail, Expectation.Fail)));

        Assert.That(table.Notes, Has.Some.Contains("FAIL stale cpu_id"));
        Assert.That(table.Notes, Has.Some.Contains("child cpu_id=3 getcpu=2"));
    }

    [Test]
    public void The_markdown_summary_has_the_preamble_and_one_table_row_per_kernel()
    {
        var markdown = new MarkdownExporter().Render(ResultTable.From(Run(Kernel("bookworm", 1, ScenarioVerdict.Pass))), allMet: true);

        Assert.That(markdown, Does.Contain("- qemu: QEMU 7.2"));
        Assert.That(markdown, Does.Contain("| bookworm | 6.1.0-50-amd64 | pass | PASS | yes |"));
    }

    [Test]
    public void A_console_column_appears_when_a_row_had_a_kernel_bug_between_scenarios_and_other_rows_show_a_dash()
    {
        var between = Kernel("sid", 1, ScenarioVerdict.Pass, met: false);
        between = between with
        {
            Scenarios = [.. between.Scenarios, new ScenarioOutcome(OutcomeJudge.ConsoleColumn, ScenarioVerdict.Fail,
                "kernel WARNING on the console between scenarios, after fork_cpu_id: WARNING: CPU: 3 PID: 112 at lib/refcount.c:25",
                new Dictionary<string, long>(), ["RIP: 0010:refcount_warn_saturate+0x9e/0x110"])],
        };

        var table = ResultTable.From(Run(Kernel("bookworm", 1, ScenarioVerdict.Pass), between));

        Assert.That(table.Header, Is.EqualTo(new[] { "kernel", "uname -r", "expect", ScenarioNames.ForkCpuId, OutcomeJudge.ConsoleColumn, "met" }));
        Assert.That(Texts(table).Select(r => r[4]), Is.EqualTo(new[] { "-", "FAIL" }));
        Assert.That(table.Notes, Has.Some.Contains("sid console: FAIL kernel WARNING on the console between scenarios"));
    }

    [Test]
    public void A_finding_after_the_guest_finished_is_named_in_the_notes_and_changes_no_cell()
    {
        var warning = new Harness.Vm.ConsoleFinding(Harness.Vm.ConsoleFindingKind.Warning, 812, "WARNING: CPU: 0 PID: 1 at drivers/base/core.c:4770 device_shutdown+0x1d/0x230");
        var late = Kernel("trixie", 1, ScenarioVerdict.Pass) with
        {
            ConsoleFindings = [warning],
            ConsoleWindows = [new Harness.Vm.FindingPlace(812, Harness.Vm.ConsoleWindow.AfterGuest)],
        };

        var table = ResultTable.From(Run(late));

        Assert.That(Texts(table).Single(), Is.EqualTo(new[] { "trixie", "6.1.0-50-amd64", "pass", "PASS", "yes" }));
        Assert.That(table.Notes, Has.Some.EqualTo(
            "trixie: kernel WARNING on the console after the guest finished (a.console.log line 812; not counted): " + warning.Line));
    }

    [Test]
    public void Run_json_keeps_the_windows_the_earlier_boots_consoles_and_each_findings_rip_and_trace()
    {
        var finding = new Harness.Vm.ConsoleFinding(Harness.Vm.ConsoleFindingKind.Oops, 40, "Oops: int3: 0000 [#1] PREEMPT SMP NOPTI")
        {
            Rip = "sched_clock_cpu+0x11/0x1c0",
            Trace = ["CPU: 2 UID: 0 PID: 0 Comm: swapper/2", "RIP: 0010:sched_clock_cpu+0x11/0x1c0"],
        };
        var kernel = Kernel("sid", 1, ScenarioVerdict.Pass) with
        {
            ConsoleFindings = [finding],
            EarlierBootConsoles = ["sid.attempt-1.console.log"],
            ConsoleWindows = [new Harness.Vm.FindingPlace(40, Harness.Vm.ConsoleWindow.Boot)],
        };

        var json = RunRecordJson.Serialize(Run(kernel));
        var back = RunRecordJson.Deserialize(json).Kernels.Single();

        Assert.That(json, Does.Contain("\"earlier_boot_consoles\"").And.Contain("\"window\": \"BOOT\"").And.Contain("\"rip\": \"sched_clock_cpu"));
        Assert.That(back.ConsoleFindings, Is.EqualTo(new[] { finding }));
        Assert.That(back.EarlierBootConsoles, Is.EqualTo(new[] { "sid.attempt-1.console.log" }));
        Assert.That(back.ConsoleWindows, Is.EqualTo(kernel.ConsoleWindows));
    }

    [Test]
    public void A_kernel_that_fails_where_an_older_one_passes_gets_a_regression_hint_with_the_bisect_command()
    {
        var older = Kernel("bookworm", 1, ScenarioVerdict.Pass) with { KernelRelease = "6.1.0-50-amd64" };
        var newer = Kernel("trixie", 1, ScenarioVerdict.Fail) with { KernelRelease = "6.12.9-amd64" };

        var notes = ResultTable.From(Run(newer, older)).Notes;

        Assert.That(notes, Has.One.EqualTo(
            "regression hint: fork_cpu_id PASSes on bookworm (6.1.0-50-amd64) and FAILs on trixie (6.12.9-amd64); find the commit with: harness bisect --tree LINUX_GIT_TREE --good v6.1 --bad v6.12 --scenario fork_cpu_id"));
    }
}

public class ResultTableExpectationTests
{
    static KernelResult Control(Expectation expect, bool met, IReadOnlyList<string> misses) => new(
        "control-5.10-fork", 1, "build debian bullseye/linux-source-5.10", "linux-source-5.10=5.10.223-1", expect, "5.10.223",
        [
            new ScenarioOutcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, "stale cpu_id", new Dictionary<string, long>(), ["child cpu_id=3"]),
            new ScenarioOutcome(ScenarioNames.AffinityPin, ScenarioVerdict.Pass, null, new Dictionary<string, long>(), []),
        ],
        met, null, new KernelTimings(1, true, 5, 20), Harness.Vm.VmEnd.Completed, 0, [], "a.console.log", "a.ktap.log",
        new Dictionary<string, string>(), 1, misses);

    static RunRecord Run(KernelResult kernel) => new(
        RunRecord.CurrentSchemaVersion, "20261127-000000", "0.1.0", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "kernels.yaml",
        new HostInfo("host", "Debian 12", "6.18", 2), new VmEnvironment("QEMU 7.2", Accel.Tcg, "no KVM"), new GuestImageInfo("abc", true, 0),
        [ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin], [kernel]);

    [Test]
    public void The_expect_column_names_the_scenarios_a_control_must_fail_in()
    {
        var table = ResultTable.From(Run(Control(Expectation.FailIn(ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin), met: false,
            ["affinity_pin: PASS, expected FAIL"])));

        Assert.That(Texts(table).Single()[2], Is.EqualTo("fail: fork_cpu_id, affinity_pin"));
    }

    [Test]
    public void A_row_that_missed_its_expectation_says_which_scenario_did_what()
    {
        var table = ResultTable.From(Run(Control(Expectation.FailIn(ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin), met: false,
            ["affinity_pin: PASS, expected FAIL"])));

        Assert.That(table.Notes, Has.Some.EqualTo(
            "control-5.10-fork: expectation (fail: fork_cpu_id, affinity_pin) not met: affinity_pin: PASS, expected FAIL"));
    }

    [Test]
    public void A_row_that_met_its_expectation_has_no_such_note()
    {
        var table = ResultTable.From(Run(Control(Expectation.FailIn(ScenarioNames.ForkCpuId), met: true, [])));

        Assert.That(table.Notes, Has.None.Contains("not met"));
    }

}
