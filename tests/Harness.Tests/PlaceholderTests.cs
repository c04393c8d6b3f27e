namespace Harness.Tests;

public class KtapLinesTests
{
    [Test]
    public void A_result_line_round_trips_through_the_protocol()
    {
        var line = Protocol.KtapLines.Result(1, "fork_cpu_id", Protocol.ScenarioVerdict.Error, "insufficient stress");
        Assert.That(Protocol.KtapLines.TryParseResult(line, out var result), Is.True);
        Assert.That(result.Verdict, Is.EqualTo(Protocol.ScenarioVerdict.Error));
    }
}
