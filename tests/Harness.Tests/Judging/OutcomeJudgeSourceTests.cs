using Harness.Judging;
using Harness.Vm;
using Protocol;

namespace Harness.Tests.Judging;

/// <summary>Each outcome says who gave it its verdict, so an expected FAIL can insist on the guest's own.</summary>
public class OutcomeJudgeSourceTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    static VmRun Run(VmEnd end, params ConsoleFinding[] findings) =>
        new(end, [], findings, 0, "", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

    static GuestReport Stream(params (string Scenario, ScenarioVerdict Verdict)[] results)
    {
        List<string> lines = [KtapLines.Version, KtapLines.Plan(results.Length)];
        foreach (var ((scenario, verdict), index) in results.Select((r, i) => (r, i)))
        {
            lines.Add(KtapLines.Evidence(scenario, "child cpu_id=3 getcpu=2"));
            lines.Add(KtapLines.Result(index + 1, scenario, verdict, verdict == ScenarioVerdict.Pass ? null : "a reason"));
        }
        lines.Add(KtapLines.Done(0));
        return GuestReportReader.Read(lines);
    }

    static IReadOnlyList<ScenarioOutcome> Judge(string[] requested, VmRun run, GuestReport report) =>
        OutcomeJudge.Judge(requested, run, report, Timeout, Timeout, Accel.Tcg);

    [Test]
    public void The_guests_own_verdicts_come_from_the_guest()
    {
        var outcomes = Judge([ScenarioNames.ForkCpuId, ScenarioNames.CsAbort], Run(VmEnd.Completed),
            Stream((ScenarioNames.ForkCpuId, ScenarioVerdict.Fail), (ScenarioNames.CsAbort, ScenarioVerdict.Pass)));

        Assert.That(outcomes.Select(o => o.Source), Is.EqualTo(new[] { OutcomeSource.Guest, OutcomeSource.Guest }));
    }

    [Test]
    public void A_fail_made_of_a_console_finding_comes_from_the_console_and_a_guest_fail_beside_it_from_the_guest()
    {
        var oops = new ConsoleFinding(ConsoleFindingKind.Oops, 311, "Oops: 0000 [#1] SMP NOPTI");

        var outcomes = Judge([ScenarioNames.ForkCpuId, ScenarioNames.CsAbort], Run(VmEnd.Completed, oops),
            Stream((ScenarioNames.ForkCpuId, ScenarioVerdict.Fail), (ScenarioNames.CsAbort, ScenarioVerdict.Pass)));

        Assert.Multiple(() =>
        {
            Assert.That(outcomes[0], Has.Property(nameof(ScenarioOutcome.Outcome)).EqualTo(ScenarioVerdict.Fail)
                .And.Property(nameof(ScenarioOutcome.Source)).EqualTo(OutcomeSource.Guest));
            Assert.That(outcomes[1], Has.Property(nameof(ScenarioOutcome.Outcome)).EqualTo(ScenarioVerdict.Fail)
                .And.Property(nameof(ScenarioOutcome.Source)).EqualTo(OutcomeSource.Console));
        });
    }

    [Test]
    public void A_scenario_missing_from_the_stream_is_the_harness_s_error()
    {
        var outcome = Judge([ScenarioNames.ForkCpuId], Run(VmEnd.Completed), Stream()).Single();

        Assert.That(outcome.Outcome, Is.EqualTo(ScenarioVerdict.Error));
        Assert.That(outcome.Source, Is.EqualTo(OutcomeSource.Harness));
    }
}
