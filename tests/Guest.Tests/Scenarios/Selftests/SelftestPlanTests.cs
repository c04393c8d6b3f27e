using Guest.Scenarios.Selftests;
using Protocol;

namespace Guest.Tests.Scenarios.Selftests;

public class SelftestPlanTests
{
    // The programs the harness builds from a 7.2 tree (5.10 has no legacy_check).
    static readonly string[] Programs =
        ["syscall_errors_test", "param_test_compare_twice", "param_test", "legacy_check", "basic_test", "basic_percpu_ops_test"];

    static IReadOnlyList<string> Names(StressDepth depth) => SelftestPlan.For(Programs, depth).Select(run => run.Name).ToList();

    [Test]
    public void Only_deep_runs_basic_percpu_ops_test_which_takes_minutes_under_TCG()
    {
        Assert.That(Names(StressDepth.Quick), Does.Not.Contain(SelftestPlan.PercpuOpsTest));
        Assert.That(Names(StressDepth.Standard), Does.Not.Contain(SelftestPlan.PercpuOpsTest));
        Assert.That(Names(StressDepth.Deep), Does.Contain(SelftestPlan.PercpuOpsTest));
    }

    [Test]
    public void Every_other_program_runs_at_every_depth_in_name_order_with_its_default_arguments()
    {
        var quick = SelftestPlan.For(Programs, StressDepth.Quick);

        Assert.That(quick.Select(run => run.Name),
            Is.EqualTo(new[] { "basic_test", "legacy_check", "param_test", "param_test_compare_twice", "syscall_errors_test" }));
        Assert.That(quick.Select(run => run.Program), Is.EqualTo(quick.Select(run => run.Name)));
        Assert.That(quick.SelectMany(run => run.Arguments), Is.Empty);
    }

    [Test]
    public void Standard_runs_param_test_list_test_with_yields_for_a_hundredth_of_basic_percpu_ops_test_iterations()
    {
        var list = SelftestPlan.For(Programs, StressDepth.Standard).Single(run => run.Name == SelftestPlan.ListVariant);

        Assert.That(list.Program, Is.EqualTo(SelftestPlan.ParamTest));
        Assert.That(list.Arguments, Is.EqualTo(new[] { "-T", "l", "-y", "-r", "1000" }));
    }

    [Test]
    public void Deep_runs_the_list_variant_ten_times_longer_than_standard()
    {
        var list = SelftestPlan.For(Programs, StressDepth.Deep).Single(run => run.Name == SelftestPlan.ListVariant);

        Assert.That(list.Arguments, Is.EqualTo(new[] { "-T", "l", "-y", "-r", "10000" }));
    }

    [Test]
    public void No_list_variant_runs_without_param_test()
    {
        var runs = SelftestPlan.For(["basic_test", "basic_percpu_ops_test"], StressDepth.Standard);

        Assert.That(runs.Select(run => run.Name), Is.EqualTo(new[] { "basic_test" }));
    }

    [Test]
    public void The_budget_per_run_keeps_a_hang_to_seconds_below_deep()
    {
        Assert.That(SelftestPlan.For(Programs, StressDepth.Quick).Select(run => run.Budget).Distinct(),
            Is.EqualTo(new[] { TimeSpan.FromSeconds(10) }));
        Assert.That(SelftestPlan.For(Programs, StressDepth.Standard).Select(run => run.Budget).Distinct(),
            Is.EqualTo(new[] { TimeSpan.FromSeconds(30) }));
        Assert.That(SelftestPlan.For(Programs, StressDepth.Deep).Select(run => run.Budget).Distinct(),
            Is.EqualTo(new[] { TimeSpan.FromSeconds(240) }));
    }
}
