using Guest.Scenarios.Selftests;
using Protocol;

namespace Guest.Tests.Scenarios.Selftests;

public class SelftestVerdictTests
{
    const string LegacyCheckFailure = """
        TAP version 13
        1..1
        # Starting 1 tests from 1 test cases.
        #  RUN           legacy.legacy_test ...
        # legacy_check.c:57:legacy_test:Expected rs->cpu_id_start (4294967295) != -1 (-1)
        # legacy_test: Test failed
        #          FAIL  legacy.legacy_test
        not ok 1 legacy.legacy_test
        # FAILED: 0 / 1 tests passed.
        # Totals: pass:0 fail:1 xfail:0 xpass:0 skip:0 error:0
        """;

    [Test]
    public void An_old_selftest_that_exits_0_passes_with_its_exit_status_as_a_counter()
    {
        var outcome = SelftestVerdict.Judge(0, "testing current cpu\n", "", TimeSpan.FromMilliseconds(20));

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(outcome.Counters, Does.Contain(new KeyValuePair<string, long>("exit", 0)));
    }

    [Test]
    public void A_kselftest_harness_failure_fails_with_its_not_ok_line_as_evidence_and_its_totals_as_counters()
    {
        var outcome = SelftestVerdict.Judge(1, LegacyCheckFailure, "", TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
            Assert.That(outcome.Reason, Does.StartWith("exit status 1"));
            Assert.That(outcome.Evidence, Does.Contain("not ok 1 legacy.legacy_test"));
            Assert.That(outcome.Counters, Does.Contain(new KeyValuePair<string, long>("ktap_fail", 1)));
            Assert.That(outcome.Counters, Does.Contain(new KeyValuePair<string, long>("ktap_pass", 0)));
        });
    }

    [Test]
    public void Exit_status_4_is_kselftests_skip()
    {
        var outcome = SelftestVerdict.Judge(4, "", "RSEQ not enabled\n", TimeSpan.Zero);

        Assert.That((outcome.Verdict, outcome.Reason), Is.EqualTo((ScenarioVerdict.Skip, "RSEQ not enabled")));
    }

    [Test]
    public void A_selftest_killed_by_a_signal_fails()
    {
        var outcome = SelftestVerdict.Judge(139, "testing current cpu\n", "", TimeSpan.Zero);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
    }

    [Test]
    public void A_selftest_that_never_ends_is_an_error_not_a_verdict()
    {
        var outcome = SelftestVerdict.TimedOut(TimeSpan.FromSeconds(90), "still going\n");

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
    }

    [Test]
    public void The_selftests_of_a_folder_run_by_name_and_none_when_it_is_absent()
    {
        var folder = Directory.CreateTempSubdirectory("selftests-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "param_test"), "");
            File.WriteAllText(Path.Combine(folder, "basic_test"), "");

            Assert.That(SelftestScenario.AllIn(folder, StressDepth.Quick).Select(s => s.Name),
                Is.EqualTo(new[] { "selftest:basic_test", "selftest:param_test" }));
            Assert.That(SelftestScenario.AllIn(Path.Combine(folder, "absent"), StressDepth.Deep), Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_selftest_run_passes_its_arguments_to_the_program_and_reports_under_its_own_name()
    {
        var folder = Directory.CreateTempSubdirectory("selftests-").FullName;
        try
        {
            var script = Path.Combine(folder, "args_check");
            File.WriteAllText(script, "#!/bin/sh\n[ \"$*\" = \"-T l -y\" ] || { echo \"got $*\"; exit 1; }\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var scenario = new SelftestScenario(script, TimeSpan.FromSeconds(10), ["-T", "l", "-y"], "args_check_list");
            var outcome = scenario.Run(null!);

            Assert.That(scenario.Name, Is.EqualTo("selftest:args_check_list"));
            Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass), outcome.Reason);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_selftest_program_runs_with_glibc_rseq_registration_switched_off()
    {
        var folder = Directory.CreateTempSubdirectory("selftests-").FullName;
        try
        {
            var script = Path.Combine(folder, "tunables_check");
            File.WriteAllText(script, "#!/bin/sh\n[ \"$GLIBC_TUNABLES\" = glibc.pthread.rseq=0 ] || { echo \"got $GLIBC_TUNABLES\"; exit 1; }\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var outcome = new SelftestScenario(script, TimeSpan.FromSeconds(10)).Run(null!);

            Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass), outcome.Reason);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
