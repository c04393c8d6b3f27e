using Harness.Running.Progress;
using Protocol;

namespace Harness.Tests.Running.Progress;

public class ScenarioProgressTests
{
    [Test]
    public void The_result_stream_turns_booting_into_running_and_counts_the_finished_scenarios()
    {
        var seen = new List<(KernelPhase Phase, string? Detail)>();
        var progress = new ScenarioProgress((phase, detail) => seen.Add((phase, detail)));

        foreach (var line in new[]
        {
            "SeaBIOS noise\r",
            KtapLines.Version + "\r",
            KtapLines.Plan(2),
            KtapLines.Info("kernel_release", "6.1.0"),
            KtapLines.Result(1, "fork_cpu_id", ScenarioVerdict.Pass, null),
            "\0" + KtapLines.Result(2, "migrate_cpu_id", ScenarioVerdict.Fail, "cpu_id stale") + "\r",
            KtapLines.Done(0),
        })
            progress.Add(line);

        Assert.That(seen, Is.EqualTo(new List<(KernelPhase, string?)>
        {
            (KernelPhase.Running, "0 scenarios done"),
            (KernelPhase.Running, "0/2 scenarios done"),
            (KernelPhase.Running, "1/2 scenarios done, last fork_cpu_id PASS"),
            (KernelPhase.Running, "2/2 scenarios done, last migrate_cpu_id FAIL"),
        }));
    }

    [Test]
    public void Result_lines_before_the_stream_began_are_not_counted()
    {
        var seen = new List<KernelPhase>();
        var progress = new ScenarioProgress((phase, _) => seen.Add(phase));

        progress.Add(KtapLines.Result(1, "fork_cpu_id", ScenarioVerdict.Pass, null));

        Assert.That(seen, Is.Empty);
    }
}
