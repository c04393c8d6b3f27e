using Harness.Judging;
using Protocol;

namespace Harness.Tests.Judging;

public class GuestReportReaderTests
{
    static readonly string[] CompleteStream =
    [
        "garbage from the firmware",
        KtapLines.Version,
        KtapLines.Info(InfoKeys.KernelRelease, "6.1.0-40-amd64"),
        KtapLines.Plan(1),
        KtapLines.Counters(ScenarioNames.ForkCpuId, [new(CounterNames.Forks, 600), new(CounterNames.CrossCpuStarts, 590), new(CounterNames.StaleChildren, 0)]),
        KtapLines.Result(1, ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null),
        KtapLines.Done(0),
    ];

    [Test]
    public void A_complete_stream_gives_each_scenario_its_verdict_and_counters()
    {
        var report = GuestReportReader.Read(CompleteStream);

        Assert.That(report.IsComplete, Is.True);
        Assert.That(report.InfoValue(InfoKeys.KernelRelease), Is.EqualTo("6.1.0-40-amd64"));
        Assert.That(report.Scenarios, Has.Count.EqualTo(1));
        Assert.That(report.Scenarios[0].Verdict, Is.EqualTo(ScenarioVerdict.Pass));
        Assert.That(report.Scenarios[0].Counters[CounterNames.CrossCpuStarts], Is.EqualTo(590));
        Assert.That(report.UnreadLines, Is.EqualTo(new[] { "garbage from the firmware" }));
    }

    [Test]
    public void A_stream_cut_before_its_final_line_is_incomplete()
    {
        var report = GuestReportReader.Read(CompleteStream[..^1]);

        Assert.That(report.IsComplete, Is.False);
        Assert.That(report.Scenarios, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_stream_without_a_plan_is_incomplete_even_with_a_final_line()
    {
        var report = GuestReportReader.Read(CompleteStream.Where(l => !l.StartsWith("1..", StringComparison.Ordinal)));

        Assert.That(report.IsComplete, Is.False);
    }

    [Test]
    public void Result_lines_before_the_version_line_are_not_believed()
    {
        var report = GuestReportReader.Read([KtapLines.Result(1, ScenarioNames.ForkCpuId, ScenarioVerdict.Pass, null), KtapLines.Done(0)]);

        Assert.That(report.Started, Is.False);
        Assert.That(report.Scenarios, Is.Empty);
    }

    [Test]
    public void Lines_after_the_final_line_are_kept_aside_and_change_nothing()
    {
        var report = GuestReportReader.Read([.. CompleteStream, KtapLines.Result(2, "late", ScenarioVerdict.Fail, "x")]);

        Assert.That(report.Scenarios.Select(s => s.Name), Is.EqualTo(new[] { ScenarioNames.ForkCpuId }));
        Assert.That(report.UnreadLines, Has.Count.EqualTo(2));
    }

    [Test]
    public void Evidence_lines_are_attached_to_their_own_scenario()
    {
        var report = GuestReportReader.Read(
        [
            KtapLines.Version,
            KtapLines.Plan(2),
            KtapLines.Evidence("a", "child cpu_id=3 getcpu=2"),
            KtapLines.Result(1, "a", ScenarioVerdict.Fail, null),
            KtapLines.Result(2, "b", ScenarioVerdict.Pass, null),
            KtapLines.Done(0),
        ]);

        Assert.That(report.Scenarios[0].Evidence, Is.EqualTo(new[] { "child cpu_id=3 getcpu=2" }));
        Assert.That(report.Scenarios[1].Evidence, Is.Empty);
    }

    [Test]
    public void Garbled_lines_inside_the_stream_are_kept_aside_not_taken_as_results()
    {
        var report = GuestReportReader.Read([KtapLines.Version, "o\u0000k 1 fork_cpu_id", "\u001b[0m", KtapLines.Plan(0), KtapLines.Done(0)]);

        Assert.That(report.Scenarios, Is.Empty);
        Assert.That(report.UnreadLines, Has.Count.EqualTo(2));
    }
}
