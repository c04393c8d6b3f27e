using Harness.Judging;
using Protocol;

namespace Harness.Tests.Judging;

public class StreamCheckTests
{
    static readonly string[] Requested = [ScenarioNames.ForkCpuId, ScenarioNames.AffinityPin, ScenarioNames.MigrationStorm];

    static string Pass(int number, string scenario) => KtapLines.Result(number, scenario, ScenarioVerdict.Pass, null);

    static string? ProblemsOf(params string[] lines) => StreamCheck.Problems(GuestReportReader.Read(lines), Requested);

    [Test]
    public void A_whole_stream_has_no_problem_even_with_noise_before_it_and_after_its_end() =>
        Assert.That(ProblemsOf(
            "\uFFFD\u001b[2J", KtapLines.Version, KtapLines.Plan(3),
            Pass(1, ScenarioNames.ForkCpuId), Pass(2, ScenarioNames.AffinityPin), Pass(3, ScenarioNames.MigrationStorm),
            KtapLines.Done(0), "ok 4 after_the_end"), Is.Null);

    [Test]
    public void A_stream_cut_before_its_final_line_says_how_many_results_it_carried() =>
        Assert.That(ProblemsOf(KtapLines.Version, KtapLines.Plan(3), Pass(1, ScenarioNames.ForkCpuId)),
            Is.EqualTo("incomplete results: the stream stopped after 1 of 3 scenarios"));

    [Test]
    public void A_stream_cut_before_its_plan_says_so() =>
        Assert.That(ProblemsOf(KtapLines.Version, KtapLines.Info(InfoKeys.KernelRelease, "6.1.0")),
            Is.EqualTo("incomplete results: the stream stopped before its plan"));

    [Test]
    public void A_scenario_reported_twice_is_named()
    {
        var problems = ProblemsOf(
            KtapLines.Version, KtapLines.Plan(3),
            Pass(1, ScenarioNames.ForkCpuId), KtapLines.Result(1, ScenarioNames.ForkCpuId, ScenarioVerdict.Fail, "stale"),
            Pass(2, ScenarioNames.AffinityPin), Pass(3, ScenarioNames.MigrationStorm), KtapLines.Done(0));

        Assert.That(problems, Is.EqualTo("incomplete results: scenario 'fork_cpu_id' reported twice"));
    }

    [Test]
    public void A_plan_that_disagrees_with_the_results_is_named_with_both_counts() =>
        Assert.That(ProblemsOf(
            KtapLines.Version, KtapLines.Plan(3), Pass(1, ScenarioNames.ForkCpuId), Pass(2, ScenarioNames.AffinityPin), KtapLines.Done(0)),
            Is.EqualTo("incomplete results: the plan announced 3 scenarios, the stream reported 2"));

    [Test]
    public void A_garbled_line_inside_the_stream_is_quoted_without_its_control_bytes()
    {
        var problems = ProblemsOf(
            KtapLines.Version, KtapLines.Plan(3), Pass(1, ScenarioNames.ForkCpuId), "\uFFFD\uFFFD\u001b[2J",
            Pass(2, ScenarioNames.AffinityPin), Pass(3, ScenarioNames.MigrationStorm), KtapLines.Done(0));

        Assert.That(problems, Is.EqualTo(@"incomplete results: a garbled line '��\x1b[2J'"));
    }

    [Test]
    public void A_result_for_a_scenario_that_was_not_requested_is_named_but_a_selftest_is_expected()
    {
        var problems = ProblemsOf(
            KtapLines.Version, KtapLines.Plan(5),
            Pass(1, ScenarioNames.ForkCpuId), Pass(2, ScenarioNames.AffinityPin), Pass(3, ScenarioNames.MigrationStorm),
            Pass(4, "selftest:basic_test"), Pass(5, "mystery_scenario"), KtapLines.Done(0));

        Assert.That(problems, Is.EqualTo("incomplete results: a result for 'mystery_scenario', which was not requested"));
    }

    [Test]
    public void Several_problems_are_all_named()
    {
        var problems = ProblemsOf(KtapLines.Version, KtapLines.Plan(3), Pass(1, ScenarioNames.ForkCpuId), Pass(1, ScenarioNames.ForkCpuId), "garbage");

        Assert.That(problems, Is.EqualTo(
            "incomplete results: scenario 'fork_cpu_id' reported twice; a garbled line 'garbage'; the stream stopped after 1 of 3 scenarios"));
    }

    [Test]
    public void A_stream_that_never_began_is_not_judged_here() =>
        Assert.That(ProblemsOf("noise"), Is.Null);
}
