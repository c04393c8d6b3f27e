using Guest.Running;
using Guest.Scenarios;
using Guest.Scenarios.AbiV2;
using Protocol;

namespace Guest.Tests.Scenarios.AbiV2;

public class AbiV2OutcomeTests
{
    const string Twin = ScenarioNames.MigrationStorm;

    /// <summary>migration_storm_v2's child on Debian 7.2.13 under TCG (the shape of a recorded stream).</summary>
    static readonly string[] PassingChild =
    [
        KtapLines.Version,
        KtapLines.Info(InfoKeys.RseqRegistration, "guest"),
        KtapLines.Plan(1),
        "# migration_storm: counters threads=4 migrations=312 comparisons=1804433 raced_comparisons=90210 resolved_mismatches=0 mismatches=0 failed_repins=0 cpus=4 elapsed_ms=3120 rseq_len=64",
        KtapLines.Result(1, Twin, ScenarioVerdict.Pass, null),
        KtapLines.Done(0),
    ];

    static ChildProcessRun Exited(int? code, params string[] lines) => new(code, string.Join('\n', lines), code is 0 or null ? "" : "Unhandled exception.\n   at Main");

    [Test]
    public void A_passing_child_relays_the_twins_verdict_and_counters_in_their_order_with_rseq_len()
    {
        var outcome = AbiV2Outcome.FromChild(Twin, Exited(0, PassingChild));

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(outcome.Reason, Is.Null);
        Assert.That(outcome.Counters.Select(c => c.Key).First(), Is.EqualTo(CounterNames.Threads));
        Assert.That(outcome.Counters.Last(), Is.EqualTo(new KeyValuePair<string, long>(CounterNames.RseqLength, 64)));
    }

    [Test]
    public void A_failure_keeps_the_twins_reason_and_evidence()
    {
        string[] lines =
        [
            KtapLines.Version, KtapLines.Plan(1),
            KtapLines.Evidence(Twin, "ABI v2 rseq registration of 64 bytes aligned on 64 refused (EINVAL)"),
            KtapLines.Result(1, Twin, ScenarioVerdict.Fail, "ABI v2 rseq registration of 64 bytes aligned on 64 refused (EINVAL)"),
            KtapLines.Done(0),
        ];

        var outcome = AbiV2Outcome.FromChild(Twin, Exited(0, lines));

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("refused (EINVAL)"));
        Assert.That(outcome.Evidence, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_child_killed_by_sigsegv_is_a_fail_naming_the_signal_with_or_without_a_result_line()
    {
        var beforeResult = AbiV2Outcome.FromChild(Twin, Exited(128 + 11, KtapLines.Version, KtapLines.Plan(1)));
        var afterResult = AbiV2Outcome.FromChild(Twin, Exited(128 + 11, PassingChild));

        Assert.That(beforeResult.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(beforeResult.Reason, Does.Contain("killed by SIGSEGV"));
        Assert.That(afterResult.Verdict, Is.EqualTo(ScenarioVerdict.Fail), "a PASS line is no excuse for the kill");
    }

    [Test]
    public void A_child_whose_managed_thread_took_the_kill_for_a_null_dereference_is_a_fail_too()
    {
        var run = new ChildProcessRun(128 + 6, string.Join('\n', KtapLines.Version, KtapLines.Plan(1)),
            "Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.\n   at System.Threading.Thread.ThreadEntryPoint(IntPtr) + 0x19");

        var outcome = AbiV2Outcome.FromChild(Twin, run);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Fail));
        Assert.That(outcome.Reason, Does.Contain("killed by SIGSEGV"));
    }

    [Test]
    public void A_child_that_aborted_for_another_reason_stays_an_error()
    {
        var run = new ChildProcessRun(128 + 6, "", "Unhandled exception. System.InvalidOperationException: storm worker 2 did not stop within 30 s");

        var outcome = AbiV2Outcome.FromChild(Twin, run);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
    }

    [Test]
    public void A_child_without_a_result_line_is_an_error_naming_how_it_ended()
    {
        var outcome = AbiV2Outcome.FromChild(Twin, Exited(134, KtapLines.Version, KtapLines.Plan(1)));

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("left no result for migration_storm").And.Contain("exit status 134"));
    }

    [Test]
    public void A_child_that_was_killed_after_its_result_is_an_error_not_its_pass()
    {
        var outcome = AbiV2Outcome.FromChild(Twin, Exited(null, PassingChild));

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Reason, Does.Contain("timed out"));
        Assert.That(outcome.Counters, Is.Not.Empty, "the counters still show how far it got");
    }

    [Test]
    public void Lines_of_other_scenarios_are_not_taken_for_the_twins()
    {
        string[] lines =
        [
            KtapLines.Version, KtapLines.Plan(2),
            KtapLines.Evidence(ScenarioNames.CsAbort, "per-cpu counters 1,2"),
            KtapLines.Result(1, ScenarioNames.CsAbort, ScenarioVerdict.Fail, "sum"),
            KtapLines.Result(2, Twin, ScenarioVerdict.Pass, null),
            KtapLines.Done(0),
        ];

        var outcome = AbiV2Outcome.FromChild(Twin, Exited(0, lines));

        Assert.That((outcome.Verdict, outcome.Evidence.Count), Is.EqualTo((ScenarioVerdict.Pass, 0)));
    }

    [Test]
    public void No_feature_size_is_a_skip_naming_it()
    {
        var outcome = AbiV2Outcome.Unsupported(0);

        Assert.That(outcome.Verdict, Is.EqualTo(ScenarioVerdict.Skip));
        Assert.That(outcome.Reason, Does.StartWith(SkipReasons.NoAbiV2Prefix).And.Contain("rseq feature size 0"));
    }

    [Test]
    public void The_child_runs_the_twin_alone_with_the_parents_seconds_seed_threads_and_stress_multiple_under_the_hidden_option()
    {
        var arguments = AbiV2Child.Arguments(Twin, new ScenarioSettings(TimeSpan.FromSeconds(2.5), Seed: 42, Threads: 3, Cpus: 4, StressMultiple: 7.5));

        Assert.That(arguments, Is.EqualTo(new[]
        {
            AbiV2Child.Option, "--scenarios", Twin, "--seconds", "2.5", "--seed", "42", "--threads", "3", "--stress-multiple", "7.5",
        }));
    }
}
