using Harness.Config;
using Protocol;

namespace Harness.Tests.Config;

/// <summary>expect: pass, fail, or {fail: [scenarios]}; every mistake in the last at its own line and column.</summary>
public class MatrixLoaderExpectTests
{
    static KernelEntry Single(string yaml) => MatrixLoader.Parse(yaml, MatrixErrors.FileName).Kernels.Single();

    [TestCase("pass", ExpectationKind.Pass)]
    [TestCase("fail", ExpectationKind.Fail)]
    public void The_plain_words_still_read_as_before(string word, ExpectationKind kind)
    {
        var kernel = Single($$"""
            kernels:
              - name: a
                source: { path: bzImage }
                expect: {{word}}
            """);

        Assert.That(kernel.Expect, Is.EqualTo(new Expectation(kind, [])));
    }

    [Test]
    public void A_kernel_without_expect_is_expected_to_pass()
    {
        Assert.That(Single("""
            kernels:
              - name: a
                source: { path: bzImage }
            """).Expect, Is.EqualTo(Expectation.Pass));
    }

    [Test]
    public void A_fail_list_names_the_scenarios_in_order()
    {
        var kernel = Single("""
            kernels:
              - name: control
                source: { path: bzImage }
                expect: {fail: [fork_cpu_id, affinity_pin]}
            """);

        Assert.That(kernel.Expect, Is.EqualTo(Expectation.FailIn(ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin)));
        Assert.That(kernel.Expect.Describe(), Is.EqualTo("fail: fork_cpu_id, affinity_pin"));
    }

    [Test]
    public void A_fail_list_in_block_style_reads_the_same()
    {
        var kernel = Single("""
            kernels:
              - name: control
                source: { path: bzImage }
                expect:
                  fail:
                    - legacy_cpu_id_start
            """);

        Assert.That(kernel.Expect, Is.EqualTo(Expectation.FailIn(ScenarioNames.LegacyCpuIdStart)));
    }

    [Test]
    public void An_unknown_scenario_in_the_fail_list_is_rejected_at_its_position()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: control
                source: { path: bzImage }
                expect: {fail: [fork_cpu_id, fork_cpuid]}
            """);

        MatrixErrors.AssertAt(error, 4, 34, "unknown scenario 'fork_cpuid' in 'fail' in expect of kernel 'control' (known: fork_cpu_id,");
    }

    [Test]
    public void An_empty_fail_list_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: control
                source: { path: bzImage }
                expect: {fail: []}
            """);

        MatrixErrors.AssertAt(error, 4, 20, "'fail' in expect of kernel 'control' is empty; name the scenarios expected to FAIL, or write expect: fail");
    }

    [Test]
    public void A_scenario_the_kernels_guest_does_not_run_is_rejected_naming_what_it_runs()
    {
        var error = MatrixErrors.Of("""
            defaults:
              guest:
                scenarios: [fork_cpu_id, cs_abort]
            kernels:
              - name: control
                source: { path: bzImage }
                expect:
                  fail: [fork_cpu_id, affinity_pin]
            """);

        MatrixErrors.AssertAt(error, 8, 27,
            "kernel 'control' expects 'affinity_pin' to FAIL but its guest.scenarios do not run it (they run: fork_cpu_id, cs_abort)");
    }

    [Test]
    public void The_abi_v2_scenarios_are_accepted_in_guest_scenarios_and_in_expect()
    {
        var kernel = Single("""
            kernels:
              - name: v2-control
                source: { path: bzImage }
                guest: { scenarios: [migration_storm, migration_storm_v2, node_id_mm_cid_v2, cs_abort_v2] }
                expect: {fail: [migration_storm_v2, cs_abort_v2]}
            """);

        Assert.That(kernel.Machine.Guest.Scenarios, Is.EqualTo(new[]
        {
            ScenarioNames.MigrationStorm, ScenarioNames.MigrationStormV2, ScenarioNames.NodeIdMmCidV2, ScenarioNames.CsAbortV2,
        }));
        Assert.That(kernel.Expect, Is.EqualTo(Expectation.FailIn(ScenarioNames.MigrationStormV2, ScenarioNames.CsAbortV2)));
    }

    [Test]
    public void Without_guest_scenarios_a_kernel_runs_the_abi_v2_scenarios_too_so_expect_may_name_them()
    {
        var kernel = Single("""
            kernels:
              - name: v2-control
                source: { path: bzImage }
                expect: {fail: [node_id_mm_cid_v2]}
            """);

        Assert.That(kernel.Expect, Is.EqualTo(Expectation.FailIn(ScenarioNames.NodeIdMmCidV2)));
    }

    [Test]
    public void A_misspelt_v2_name_is_refused_with_the_known_names_including_the_v2_ones()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: control
                source: { path: bzImage }
                expect: {fail: [cs_abort_2]}
            """);

        Assert.That(error.Message, Does.Contain("unknown scenario 'cs_abort_2'").And.Contain("migration_storm_v2, node_id_mm_cid_v2, cs_abort_v2"));
    }

    [Test]
    public void A_kernels_own_guest_scenarios_decide_what_may_be_named()
    {
        var kernel = Single("""
            defaults:
              guest:
                scenarios: [cs_abort]
            kernels:
              - name: control
                source: { path: bzImage }
                guest: { scenarios: [legacy_cpu_id_start] }
                expect: {fail: [legacy_cpu_id_start]}
            """);

        Assert.That(kernel.Expect, Is.EqualTo(Expectation.FailIn(ScenarioNames.LegacyCpuIdStart)));
    }

    [Test]
    public void An_unknown_key_in_expect_is_rejected_with_the_allowed_one()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: control
                source: { path: bzImage }
                expect: {fail: [fork_cpu_id], pass: [cs_abort]}
            """);

        MatrixErrors.AssertAt(error, 4, 35, "unknown key 'pass' in expect of kernel 'control' (expected one of: fail)");
    }

    [Test]
    public void A_mapping_without_fail_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: control
                source: { path: bzImage }
                expect: {}
            """);

        MatrixErrors.AssertAt(error, 4, 13, "missing key 'fail' in expect of kernel 'control'");
    }

    [Test]
    public void A_scenario_named_twice_is_rejected()
    {
        var error = MatrixErrors.Of("""
            kernels:
              - name: control
                source: { path: bzImage }
                expect: {fail: [cs_abort, cs_abort]}
            """);

        MatrixErrors.AssertAt(error, 4, 31, "scenario 'cs_abort' is listed twice");
    }

    [TestCase("maybe", "got 'maybe'")]
    [TestCase("[fork_cpu_id]", "got a list")]
    public void Any_other_value_is_rejected_naming_the_three_forms(string value, string got)
    {
        var error = MatrixErrors.Of($$"""
            kernels:
              - name: a
                source: { path: bzImage }
                expect: {{value}}
            """);

        MatrixErrors.AssertAt(error, 4, 13, "'expect' in kernel 'a' must be pass, fail or {fail: [scenario, ...]}");
        Assert.That(error.Message, Does.Contain(got));
    }
}

/// <summary>The default matrix's controls name the scenarios their regressions show in.</summary>
public class DefaultMatrixExpectationTests
{
    [Test]
    public void The_controls_expect_exactly_the_scenarios_of_their_regression_to_fail()
    {
        var matrix = MatrixLoader.Load(Harness.Commands.RepositoryLayout.Locate().DefaultMatrix);

        Assert.Multiple(() =>
        {
            Assert.That(matrix.Kernels.Single(k => k.Name == "control-5.10-fork").Expect,
                Is.EqualTo(Expectation.FailIn(ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin)));
            Assert.That(matrix.Kernels.Single(k => k.Name == "control-7.2-legacy").Expect,
                Is.EqualTo(Expectation.FailIn(ScenarioNames.LegacyCpuIdStart)));
            Assert.That(matrix.Kernels.Where(k => !k.Name.StartsWith("control-", StringComparison.Ordinal)).Select(k => k.Expect),
                Has.All.EqualTo(Expectation.Pass));
        });
    }
}
