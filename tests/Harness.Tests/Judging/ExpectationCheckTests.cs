using Harness.Config;
using Harness.Judging;
using Protocol;

namespace Harness.Tests.Judging;

public class ExpectationCheckTests
{
    static ScenarioOutcome[] Outcomes(params ScenarioVerdict[] verdicts) =>
        verdicts.Select((v, i) => new ScenarioOutcome($"s{i}", v, null, new Dictionary<string, long>(), [])).ToArray();

    static Expectation Of(ExpectationKind kind) => kind == ExpectationKind.Pass ? Expectation.Pass : Expectation.Fail;

    [TestCase(ExpectationKind.Pass, new[] { ScenarioVerdict.Pass, ScenarioVerdict.Skip }, true)]
    [TestCase(ExpectationKind.Pass, new[] { ScenarioVerdict.Pass, ScenarioVerdict.Fail }, false)]
    [TestCase(ExpectationKind.Pass, new[] { ScenarioVerdict.Pass, ScenarioVerdict.Error }, false)]
    [TestCase(ExpectationKind.Fail, new[] { ScenarioVerdict.Fail, ScenarioVerdict.Pass }, true)]
    [TestCase(ExpectationKind.Fail, new[] { ScenarioVerdict.Pass, ScenarioVerdict.Pass }, false)]
    [TestCase(ExpectationKind.Fail, new[] { ScenarioVerdict.Fail, ScenarioVerdict.Error }, false)]
    [TestCase(ExpectationKind.Pass, new ScenarioVerdict[0], false)]
    public void A_kernel_meets_its_expectation_only_with_a_clean_verdict(ExpectationKind expect, ScenarioVerdict[] verdicts, bool met) =>
        Assert.That(ExpectationCheck.IsMet(Of(expect), "6.1.0-50-amd64", Outcomes(verdicts)), Is.EqualTo(met));
}

public class ExpectationCheckSelftestTests
{
    static ScenarioOutcome Outcome(string name, ScenarioVerdict verdict) => new(name, verdict, null, new Dictionary<string, long>(), []);

    [Test]
    public void A_failing_selftest_does_not_spoil_a_kernel_expected_to_pass()
    {
        var outcomes = new[] { Outcome("fork_cpu_id", ScenarioVerdict.Pass), Outcome("selftest:legacy_check", ScenarioVerdict.Fail) };

        Assert.That(ExpectationCheck.IsMet(Expectation.Pass, "7.2.13", outcomes), Is.True);
    }

    [Test]
    public void A_failing_selftest_alone_does_not_make_a_control_meet_its_expectation()
    {
        var outcomes = new[] { Outcome("fork_cpu_id", ScenarioVerdict.Pass), Outcome("selftest:legacy_check", ScenarioVerdict.Fail) };

        Assert.That(ExpectationCheck.IsMet(Expectation.Fail, "7.2.13", outcomes), Is.False);
    }

    [Test]
    public void A_failing_selftest_does_not_count_against_a_control_that_names_its_scenarios()
    {
        var outcomes = new[]
        {
            Outcome(ScenarioNames.LegacyCpuIdStart, ScenarioVerdict.Fail), Outcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Pass),
            Outcome("selftest:legacy_check", ScenarioVerdict.Fail),
        };

        Assert.That(ExpectationCheck.Misses(Expectation.FailIn(ScenarioNames.LegacyCpuIdStart), "7.2.13", outcomes), Is.Empty);
    }
}

/// <summary>A control that names the scenarios it must fail in: those FAIL in the guest, every other one PASSes.</summary>
public class ExpectationCheckNamedScenarioTests
{
    const string Release = "5.10.223";
    static readonly Expectation ForkControl = Expectation.FailIn(ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin);

    static ScenarioOutcome Outcome(string name, ScenarioVerdict verdict, OutcomeSource source = OutcomeSource.Guest, string? reason = null) =>
        new(name, verdict, reason, new Dictionary<string, long>(), [], source);

    // control-5.10-fork as the README's table shows it.
    static List<ScenarioOutcome> ForkControlRun() =>
    [
        Outcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail),
        Outcome(ScenarioNames.AffinityPin, ScenarioVerdict.Fail),
        Outcome(ScenarioNames.MigrationStorm, ScenarioVerdict.Pass),
        Outcome(ScenarioNames.NodeIdMmCid, ScenarioVerdict.Skip, reason: "kernel lacks node_id/mm_cid (rseq feature size 0)"),
        Outcome(ScenarioNames.CsAbort, ScenarioVerdict.Pass),
        Outcome(ScenarioNames.LegacyCpuIdStart, ScenarioVerdict.Pass),
    ];

    static List<ScenarioOutcome> With(List<ScenarioOutcome> run, ScenarioOutcome replacement) =>
        run.Select(o => o.Scenario == replacement.Scenario ? replacement : o).ToList();

    [Test]
    public void The_fork_control_meets_its_expectation_when_exactly_its_scenarios_fail_in_the_guest()
    {
        Assert.That(ExpectationCheck.Misses(ForkControl, Release, ForkControlRun()), Is.Empty);
    }

    [Test]
    public void A_named_scenario_that_passes_is_a_miss_naming_it()
    {
        var run = With(ForkControlRun(), Outcome(ScenarioNames.AffinityPin, ScenarioVerdict.Pass));

        Assert.That(ExpectationCheck.Misses(ForkControl, Release, run), Is.EqualTo(new[] { "affinity_pin: PASS, expected FAIL" }));
    }

    [Test]
    public void Another_scenario_that_fails_is_a_miss_even_though_the_named_ones_failed()
    {
        var run = With(ForkControlRun(), Outcome(ScenarioNames.CsAbort, ScenarioVerdict.Fail));

        Assert.That(ExpectationCheck.Misses(ForkControl, Release, run), Is.EqualTo(new[] { "cs_abort: FAIL, expected PASS" }));
    }

    [Test]
    public void An_error_anywhere_is_a_miss()
    {
        var run = With(ForkControlRun(), Outcome(ScenarioNames.MigrationStorm, ScenarioVerdict.Error, OutcomeSource.Harness));

        Assert.That(ExpectationCheck.Misses(ForkControl, Release, run), Is.EqualTo(new[] { "migration_storm: ERROR, no verdict" }));
    }

    [Test]
    public void A_fail_from_the_console_never_meets_an_expected_fail()
    {
        var run = With(ForkControlRun(), Outcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, OutcomeSource.Console,
            "kernel oops on the console: Oops: 0000 [#1] SMP"));

        var misses = ExpectationCheck.Misses(ForkControl, Release, run);

        Assert.That(misses, Has.Count.EqualTo(1));
        Assert.That(misses[0], Does.StartWith("fork_cpu_id: FAIL (from the console)"));
    }

    [Test]
    public void A_named_scenario_the_run_lacks_is_a_miss()
    {
        var run = ForkControlRun().Where(o => o.Scenario != ScenarioNames.AffinityPin).ToList();

        Assert.That(ExpectationCheck.Misses(ForkControl, Release, run), Is.EqualTo(new[] { "affinity_pin: not run, expected FAIL" }));
    }

    [Test]
    public void A_named_scenario_that_skipped_is_a_miss()
    {
        var run = With(ForkControlRun(), Outcome(ScenarioNames.AffinityPin, ScenarioVerdict.Skip, reason: "kernel lacks rseq: no rseq system call (ENOSYS)"));

        Assert.That(ExpectationCheck.Misses(ForkControl, Release, run), Has.Some.EqualTo("affinity_pin: SKIP, expected FAIL"));
    }
}

/// <summary>The plain word fail: at least one FAIL the guest reported, and no ERROR.</summary>
public class ExpectationCheckPlainFailTests
{
    static ScenarioOutcome Outcome(string name, ScenarioVerdict verdict, OutcomeSource source = OutcomeSource.Guest) =>
        new(name, verdict, null, new Dictionary<string, long>(), [], source);

    [Test]
    public void A_control_whose_only_fail_came_from_the_console_does_not_meet_expect_fail()
    {
        var outcomes = new[]
        {
            Outcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, OutcomeSource.Console),
            Outcome(ScenarioNames.CsAbort, ScenarioVerdict.Fail, OutcomeSource.Console),
        };

        var misses = ExpectationCheck.Misses(Expectation.Fail, "5.10.223", outcomes);

        Assert.That(misses, Is.EqualTo(new[] { "no FAIL the guest reported (the only FAILs came from the console, e.g. fork_cpu_id)" }));
    }

    [Test]
    public void A_guest_fail_beside_a_console_fail_meets_expect_fail()
    {
        var outcomes = new[]
        {
            Outcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail),
            Outcome(ScenarioNames.CsAbort, ScenarioVerdict.Fail, OutcomeSource.Console),
        };

        Assert.That(ExpectationCheck.IsMet(Expectation.Fail, "5.10.223", outcomes), Is.True);
    }

    [Test]
    public void A_console_fail_on_a_kernel_expected_to_pass_is_a_miss_that_says_where_it_came_from()
    {
        var outcomes = new[] { Outcome(ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, OutcomeSource.Console) };

        Assert.That(ExpectationCheck.Misses(Expectation.Pass, "6.1.0-50-amd64", outcomes),
            Is.EqualTo(new[] { "fork_cpu_id: FAIL (from the console), expected PASS" }));
    }
}

/// <summary>A SKIP is for a missing feature; the kernel's version says which features it cannot be missing.</summary>
public class ExpectationCheckSkipTests
{
    static ScenarioOutcome Skip(string name, string reason) => new(name, ScenarioVerdict.Skip, reason, new Dictionary<string, long>(), []);

    static ScenarioOutcome Pass(string name) => new(name, ScenarioVerdict.Pass, null, new Dictionary<string, long>(), []);

    const string NoNodeId = "kernel lacks node_id/mm_cid (rseq feature size 0)";
    const string NoRseq = "kernel lacks rseq: no rseq system call (ENOSYS)";

    [TestCase("6.1.0-50-amd64")]
    [TestCase("5.10.223")]
    [TestCase("6.2.16")]
    public void Node_id_and_mm_cid_may_skip_before_6_3(string release)
    {
        var outcomes = new[] { Pass(ScenarioNames.ForkCpuId), Skip(ScenarioNames.NodeIdMmCid, NoNodeId) };

        Assert.That(ExpectationCheck.Misses(Expectation.Pass, release, outcomes), Is.Empty);
    }

    [TestCase("6.3.0")]
    [TestCase("6.12.117+deb13-amd64")]
    [TestCase("7.3-amd64")]
    public void Node_id_and_mm_cid_skipped_on_6_3_or_newer_is_a_miss_that_says_why(string release)
    {
        var outcomes = new[] { Pass(ScenarioNames.ForkCpuId), Skip(ScenarioNames.NodeIdMmCid, NoNodeId) };

        Assert.That(ExpectationCheck.Misses(Expectation.Pass, release, outcomes),
            Is.EqualTo(new[] { $"node_id_mm_cid: SKIP on {release}, but every kernel since 6.3 has node_id/mm_cid" }));
    }

    [TestCase("4.18.0")]
    [TestCase("5.10.223")]
    [TestCase("6.1.0-50-amd64")]
    public void A_skip_for_no_rseq_on_4_18_or_newer_is_a_miss(string release)
    {
        var outcomes = new[] { Skip(ScenarioNames.ForkCpuId, NoRseq) };

        Assert.That(ExpectationCheck.Misses(Expectation.Pass, release, outcomes),
            Is.EqualTo(new[] { $"fork_cpu_id: SKIP for no rseq on {release}, but every kernel since 4.18 has rseq" }));
    }

    [Test]
    public void A_skip_for_no_rseq_before_4_18_meets_the_expectation()
    {
        var outcomes = new[] { Skip(ScenarioNames.ForkCpuId, NoRseq), Skip(ScenarioNames.CsAbort, NoRseq) };

        Assert.That(ExpectationCheck.Misses(Expectation.Pass, "4.17.19", outcomes), Is.Empty);
    }

    [Test]
    public void An_unwarranted_skip_also_spoils_a_control_that_names_its_scenarios()
    {
        var outcomes = new[]
        {
            new ScenarioOutcome(ScenarioNames.LegacyCpuIdStart, ScenarioVerdict.Fail, "kept the sentinel", new Dictionary<string, long>(), ["x"]),
            Skip(ScenarioNames.NodeIdMmCid, NoNodeId),
        };

        Assert.That(ExpectationCheck.Misses(Expectation.FailIn(ScenarioNames.LegacyCpuIdStart), "7.2.13", outcomes),
            Has.Some.StartsWith("node_id_mm_cid: SKIP on 7.2.13"));
    }

    const string NoAbiV2 = "kernel lacks ABI v2 rseq registrations (longer than 32 bytes; rseq feature size 0: no AT_RSEQ_FEATURE_SIZE in the auxiliary vector)";

    [TestCase(ScenarioNames.MigrationStormV2, "5.10.0-32-amd64")]
    [TestCase(ScenarioNames.NodeIdMmCidV2, "6.1.0-50-amd64")]
    [TestCase(ScenarioNames.CsAbortV2, "6.2.16")]
    public void A_v2_scenario_may_skip_before_6_3(string scenario, string release)
    {
        var outcomes = new[] { Pass(ScenarioNames.MigrationStorm), Skip(scenario, NoAbiV2) };

        Assert.That(ExpectationCheck.Misses(Expectation.Pass, release, outcomes), Is.Empty);
    }

    [TestCase(ScenarioNames.MigrationStormV2, "6.3.0")]
    [TestCase(ScenarioNames.NodeIdMmCidV2, "6.12.117+deb13-amd64")]
    [TestCase(ScenarioNames.CsAbortV2, "7.2.13+deb14-amd64")]
    public void A_v2_scenario_skipped_on_6_3_or_newer_is_a_miss_that_says_why(string scenario, string release)
    {
        var outcomes = new[] { Pass(ScenarioNames.MigrationStorm), Skip(scenario, NoAbiV2) };

        Assert.That(ExpectationCheck.Misses(Expectation.Pass, release, outcomes),
            Is.EqualTo(new[] { $"{scenario}: SKIP on {release}, but every kernel since 6.3 accepts rseq registrations longer than 32 bytes" }));
    }

    [Test]
    public void A_v2_skip_on_6_3_or_newer_also_spoils_a_control_that_names_its_scenarios()
    {
        var outcomes = new[]
        {
            new ScenarioOutcome(ScenarioNames.LegacyCpuIdStart, ScenarioVerdict.Fail, "kept the sentinel", new Dictionary<string, long>(), ["x"]),
            Skip(ScenarioNames.CsAbortV2, NoAbiV2),
        };

        Assert.That(ExpectationCheck.IsMet(Expectation.FailIn(ScenarioNames.LegacyCpuIdStart), "7.2.13", outcomes), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not-a-version")]
    public void An_unreadable_release_applies_no_version_rule(string? release)
    {
        var outcomes = new[] { Skip(ScenarioNames.NodeIdMmCid, NoRseq) };

        Assert.That(ExpectationCheck.Misses(Expectation.Pass, release, outcomes), Is.Empty);
    }
}
